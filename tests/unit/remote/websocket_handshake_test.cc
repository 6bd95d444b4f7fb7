// The websocket opening handshake: RFC 6455's own key/accept example and the server answers a
// client must refuse.
#include <gtest/gtest.h>

#include "remote/transport/websocket_handshake.h"

namespace mpy {
namespace {

const char* kKey = "dGhlIHNhbXBsZSBub25jZQ==";  // RFC 6455 section 1.3

std::string answer(const std::string& status, const std::string& headers) {
    return "HTTP/1.1 " + status + "\r\n" + headers + "\r\n";
}

TEST(WebSocketHandshake, AcceptValueOfTheRfcExample) {
    EXPECT_EQ(websocket_accept_for(kKey), "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
}

TEST(WebSocketHandshake, KeysAreFreshBase64Of16Bytes) {
    std::string a = make_websocket_key(), b = make_websocket_key();
    EXPECT_EQ(a.size(), 24u);
    EXPECT_EQ(a.substr(22), "==");
    EXPECT_NE(a, b);
}

TEST(WebSocketHandshake, RequestNamesHostKeyAndVersion) {
    std::string r = websocket_upgrade_request("192.168.4.1:8266", "/", kKey);
    EXPECT_EQ(r.rfind("GET / HTTP/1.1\r\n", 0), 0u);
    EXPECT_NE(r.find("\r\nHost: 192.168.4.1:8266\r\n"), std::string::npos);
    EXPECT_NE(r.find("\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"), std::string::npos);
    EXPECT_NE(r.find("\r\nSec-WebSocket-Version: 13\r\n"), std::string::npos);
    EXPECT_EQ(r.substr(r.size() - 4), "\r\n\r\n");
}

TEST(WebSocketHandshake, HeadLength) {
    EXPECT_FALSE(http_head_length("HTTP/1.1 101 OK\r\nUpgrade: websocket\r\n"));
    EXPECT_EQ(http_head_length("HTTP/1.1 101 OK\r\n\r\n\x81\x00"), 19u);
}

TEST(WebSocketHandshake, ChecksTheServersAnswer) {
    // MicroPython's webrepl.py answers exactly this (header names as it spells them).
    EXPECT_EQ(check_upgrade_response(answer("101 Switching Protocols",
                                            "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                                            "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"), kKey), "");
    // Header names are case-insensitive, values trimmed.
    EXPECT_EQ(check_upgrade_response(answer("101 x", "upgrade:WebSocket\r\nsec-websocket-accept:  s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"), kKey), "");
    EXPECT_NE(check_upgrade_response(answer("200 OK", ""), kKey).find("refused the websocket upgrade (HTTP/1.1 200 OK)"),
              std::string::npos);
    EXPECT_NE(check_upgrade_response(answer("101 x", "Upgrade: websocket\r\nSec-WebSocket-Accept: AAAA\r\n"), kKey)
                  .find("does not match"), std::string::npos);
    EXPECT_NE(check_upgrade_response(answer("101 x", "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"), kKey)
                  .find("Upgrade"), std::string::npos);
    EXPECT_NE(check_upgrade_response("SSH-2.0-OpenSSH\r\n\r\n", kKey).find("not HTTP"), std::string::npos);
}

}  // namespace
}  // namespace mpy
