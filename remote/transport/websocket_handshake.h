// The opening handshake of a WebSocket client (RFC 6455 section 4): the HTTP/1.1 upgrade
// request and the check of the server's answer, as pure text functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mpy {

// A fresh Sec-WebSocket-Key: 16 random bytes in base64.
std::string make_websocket_key();

// The Sec-WebSocket-Accept a server must answer for `key`: base64(sha1(key + RFC's GUID)).
std::string websocket_accept_for(std::string_view key);

// The GET request upgrading `path` on `host_port` ("192.168.4.1:8266").
std::string websocket_upgrade_request(std::string_view host_port, std::string_view path, std::string_view key);

// Where the server's answer ends ("\r\n\r\n" included), or nullopt when it is not complete yet.
std::optional<std::size_t> http_head_length(std::string_view received);

// Checks the server's answer head for `key`: status 101, Upgrade: websocket, the right accept
// value.  Returns "" when it is good, else what is wrong (for an error message).
std::string check_upgrade_response(std::string_view head, std::string_view key);

}  // namespace mpy
