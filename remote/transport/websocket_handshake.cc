#include "remote/transport/websocket_handshake.h"

#include <algorithm>
#include <cctype>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <random>
#include <stdexcept>

namespace mpy {
namespace {

std::string base64(const unsigned char* data, int size) {
    std::string out(static_cast<std::size_t>(4 * ((size + 2) / 3)) + 1, '\0');
    int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, size);
    out.resize(static_cast<std::size_t>(n));
    return out;
}

std::string lowercase(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

}  // namespace

std::string make_websocket_key() {
    unsigned char bytes[16];
    if (RAND_bytes(bytes, sizeof bytes) != 1) {
        // The key only guards against confused proxies, not attackers: any nonce will do.
        std::random_device rd;
        for (unsigned char& b : bytes) b = static_cast<unsigned char>(rd());
    }
    return base64(bytes, sizeof bytes);
}

std::string websocket_accept_for(std::string_view key) {
    const std::string text = std::string(key) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (EVP_Digest(text.data(), text.size(), digest, &size, EVP_sha1(), nullptr) != 1)
        throw std::runtime_error("websocket: SHA-1 is not available");
    return base64(digest, static_cast<int>(size));
}

std::string websocket_upgrade_request(std::string_view host_port, std::string_view path, std::string_view key) {
    std::string r = "GET ";
    r += path;
    r += " HTTP/1.1\r\nHost: ";
    r += host_port;
    r += "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ";
    r += key;
    r += "\r\nSec-WebSocket-Version: 13\r\n\r\n";
    return r;
}

std::optional<std::size_t> http_head_length(std::string_view received) {
    auto end = received.find("\r\n\r\n");
    if (end == std::string_view::npos) return std::nullopt;
    return end + 4;
}

std::string check_upgrade_response(std::string_view head, std::string_view key) {
    auto line_end = head.find("\r\n");
    std::string_view status = head.substr(0, line_end);
    // "HTTP/1.1 101 Switching Protocols"
    auto space = status.find(' ');
    if (status.substr(0, 5) != "HTTP/" || space == std::string_view::npos)
        return "the server's answer is not HTTP";
    if (status.substr(space + 1, 3) != "101")
        return "the server refused the websocket upgrade (" + std::string(trim(status)) + ")";
    bool upgrade = false;
    std::string accept;
    std::size_t pos = line_end == std::string_view::npos ? head.size() : line_end + 2;
    while (pos < head.size()) {
        auto end = head.find("\r\n", pos);
        if (end == std::string_view::npos) end = head.size();
        std::string_view line = head.substr(pos, end - pos);
        pos = end + 2;
        auto colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        std::string name = lowercase(trim(line.substr(0, colon)));
        std::string_view value = trim(line.substr(colon + 1));
        if (name == "upgrade") upgrade = lowercase(value) == "websocket";
        else if (name == "sec-websocket-accept") accept = std::string(value);
    }
    if (!upgrade) return "the server's answer has no 'Upgrade: websocket'";
    if (accept != websocket_accept_for(key)) return "the server's Sec-WebSocket-Accept does not match the key";
    return "";
}

}  // namespace mpy
