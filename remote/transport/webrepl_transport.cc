#include "remote/transport/webrepl_transport.h"

#include <algorithm>
#include <cstring>
#include <thread>

#include "common/diagnostics.h"
#include "remote/transport/transport_errors.h"
#include "remote/transport/webrepl_files.h"

namespace mpy {
namespace {

constexpr std::string_view kPasswordPrompt = "Password: ";
constexpr std::string_view kConnected = "WebREPL connected\r\n";
constexpr std::string_view kDenied = "Access denied";
constexpr std::chrono::milliseconds kRetryPause{200};
// The board keeps 9 characters of a password (modwebrepl's buffer): longer ones never match.
constexpr std::size_t kMaxPassword = 9;


std::chrono::milliseconds remaining(Clock::time_point deadline) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    return left.count() > 0 ? left : std::chrono::milliseconds(0);
}

}  // namespace

WebReplTransport::WebReplTransport(const std::string& address, const std::string& password,
                                   std::chrono::milliseconds timeout)
    : ws_(address, "/", "ws://" + address, timeout), timeout_(timeout) {
    login(password, timeout);
}

bool WebReplTransport::pump(std::chrono::milliseconds timeout) {
    auto m = ws_.receive(timeout);
    if (!m) return false;
    if (m->opcode == WsOpcode::binary) binary_.push_back(std::move(m->payload));
    else text_ += m->payload;
    return true;
}

void WebReplTransport::login(const std::string& password, std::chrono::milliseconds timeout) {
    auto deadline = Clock::now() + timeout;
    auto wait_for = [&](auto done, const char* what) {
        while (!done()) {
            bool got = false;
            try {
                got = pump(remaining(deadline));
            } catch (const ConnectionLost&) {
                raise_error(name() + ": the board closed the connection " + what);
            }
            if (!got) raise_error(name() + ": no answer from the board " + what + " (is it a WebREPL?)");
        }
    };
    wait_for([&] { return text_.find(kPasswordPrompt) != std::string::npos; }, "before its password prompt");
    text_.clear();
    // The board reads the password up to the first "\r" or "\n".
    if (password.find_first_of("\r\n") != std::string::npos)
        raise_error(name() + ": a WebREPL password cannot contain a line break");
    ws_.send(WsOpcode::text, password + "\r");
    deadline = Clock::now() + timeout;
    const std::string denied = password.empty()
        ? name() + ": access denied: the board wants a WebREPL password (give it with --password or $MPR_WEBREPL_PASSWORD)"
        : name() + ": access denied: wrong WebREPL password" +
              (password.size() > kMaxPassword ? " (WebREPL passwords have at most 9 characters)" : "");
    wait_for([&] {
        if (text_.find(kDenied) != std::string::npos) throw WebReplAccessDenied(denied);
        return text_.find(kConnected) != std::string::npos;
    }, "after the password");
    // What follows the greeting (the friendly prompt) is the REPL's.
    text_.erase(0, text_.find(kConnected) + kConnected.size());
}

std::size_t WebReplTransport::read(char* buf, std::size_t max, std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    while (text_.empty()) {
        if (!pump(remaining(deadline)) && Clock::now() >= deadline) return 0;
    }
    // Take what else has arrived too, without waiting, so a caller polling the socket does not
    // leave parsed bytes behind.
    while (text_.size() < max && ws_.has_buffered_bytes() && pump(std::chrono::milliseconds(0))) {
    }
    std::size_t n = std::min(max, text_.size());
    std::memcpy(buf, text_.data(), n);
    text_.erase(0, n);
    return n;
}

void WebReplTransport::write(std::string_view data) { ws_.send(WsOpcode::text, data); }

void WebReplTransport::send_binary(std::string_view record) { ws_.send(WsOpcode::binary, record); }

std::optional<std::string> WebReplTransport::receive_binary(std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    while (binary_.empty()) {
        if (!pump(remaining(deadline)) && Clock::now() >= deadline) return std::nullopt;
    }
    std::string m = std::move(binary_.front());
    binary_.pop_front();
    return m;
}

std::string WebReplTransport::binary_answer(const std::string& what) {
    auto answer = receive_binary(timeout_);
    if (!answer) raise_error(name() + ": no answer from the board " + what);
    return *answer;
}

void WebReplTransport::expect_done(const std::string& what) {
    std::string answer = binary_answer(what);
    auto status = webrepl_status(answer);
    if (!status) raise_error(name() + ": unexpected answer from the board " + what);
    if (*status != 0) raise_error(name() + ": the board refused " + what + " (WebREPL status " + std::to_string(*status) + ")");
}

bool WebReplTransport::put(std::string_view path, std::string_view data, const Progress& progress) {
    if (path.size() > kWebReplMaxPath || data.size() > 0xffffffffu) return false;
    const std::string what = "to write " + std::string(path);
    send_binary(webrepl_record_header(WebReplRecord::put_file, path, static_cast<std::uint32_t>(data.size())));
    expect_done(what);  // the file is open
    // Chunks the size WebREPL's own client sends (small boards have small buffers).
    constexpr std::size_t kChunk = 1024;
    for (std::size_t at = 0; at < data.size(); at += kChunk) {
        send_binary(data.substr(at, kChunk));
        if (progress) progress(std::min(at + kChunk, data.size()), data.size());
    }
    expect_done(what);  // written and closed
    return true;
}

std::optional<std::string> WebReplTransport::get(std::string_view path, std::size_t size_hint, const Progress& progress) {
    if (path.size() > kWebReplMaxPath) return std::nullopt;
    const std::string what = "to read " + std::string(path);
    send_binary(webrepl_record_header(WebReplRecord::get_file, path, 0));
    expect_done(what);  // the file is open
    std::string data;
    while (true) {
        send_binary(std::string(1, '\0'));  // the next chunk, please
        std::string answer = binary_answer(what);
        auto chunk = webrepl_chunk(answer);
        if (!chunk) raise_error(name() + ": a damaged chunk from the board while reading " + std::string(path));
        if (chunk->empty()) break;
        data += *chunk;
        if (progress) progress(data.size(), std::max(size_hint, data.size()));
    }
    expect_done(what);  // closed
    return data;
}

std::unique_ptr<Transport> open_webrepl(const std::string& address, const std::string& password,
                                        std::chrono::milliseconds timeout) {
    std::string host_port = address.substr(0, address.find('/'));
    if (host_port.empty()) raise_error("ws://" + address + ": expected ws://HOST:PORT");
    if (host_port.find(':') == std::string::npos || host_port.back() == ']') host_port += ":8266";
    // A board still serving the previous client (mpr run again at once) closes the new
    // connection before the handshake: try again until the time is up.
    const auto deadline = Clock::now() + timeout;
    while (true) {
        try {
            return std::make_unique<WebReplTransport>(host_port, password, remaining(deadline));
        } catch (const WebSocketClosedDuringHandshake&) {
            if (Clock::now() + kRetryPause >= deadline) throw;
            std::this_thread::sleep_for(kRetryPause);
        }
    }
}

}  // namespace mpy
