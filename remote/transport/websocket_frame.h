// WebSocket framing (RFC 6455 section 5): encoding a client's frames and parsing a server's.
//
// Pure byte logic, no I/O, so the parser can be unit-tested and fuzzed: the connection
// (websocket_client.h) feeds it what the socket delivered and takes whole messages out.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace mpy {

enum class WsOpcode : std::uint8_t { continuation = 0, text = 1, binary = 2, close = 8, ping = 9, pong = 10 };

// The peer broke the protocol (reserved bits, an oversized or fragmented control frame, a
// continuation without a start, a message over the size limit).
class WebSocketProtocolError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// One complete message: a text or binary message with its fragments joined, or a control frame.
struct WsMessage {
    WsOpcode opcode;
    std::string payload;
};

// A final frame carrying `payload`, masked with `mask_key` as a client must mask (section 5.3).
std::string encode_client_frame(WsOpcode opcode, std::string_view payload, std::uint32_t mask_key);

// Incremental parser of the frames a server sends.  Servers must not mask, but MicroPython's
// websocket module accepts either way and so does this parser.  Control frames may arrive
// between the fragments of a message, as the RFC allows.
class WsFrameParser {
public:
    // Messages larger than this are refused (a garbled length must not allocate gigabytes).
    explicit WsFrameParser(std::size_t max_message = 16 * 1024 * 1024) : max_message_(max_message) {}

    void feed(std::string_view bytes) { buffer_.append(bytes); }

    // The next complete message, or nullopt when more bytes are needed.  Throws
    // WebSocketProtocolError when the bytes cannot be a valid frame sequence.
    std::optional<WsMessage> next();

    // Bytes received but not yet parsed into a message.
    std::size_t pending() const { return buffer_.size() - consumed_; }

private:
    std::string buffer_;
    std::size_t consumed_ = 0;  // bytes of buffer_ already parsed (dropped when convenient)
    std::size_t max_message_;
    std::optional<WsOpcode> fragmented_;  // the opcode of the message being assembled
    std::string fragments_;
};

}  // namespace mpy
