// WebSocketClient: a client connection (RFC 6455) over TCP: the upgrade handshake, masked
// frames out, whole messages in, pings answered and the close handshake done on its own.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "common/diagnostics.h"
#include "remote/transport/transport.h"
#include "remote/transport/websocket_frame.h"

namespace mpy {

// The server closed the connection before answering the upgrade: a WebREPL board does so while
// it still serves a previous client (one at a time), so the caller may try again shortly.
class WebSocketClosedDuringHandshake : public DiagnosticError {
public:
    explicit WebSocketClosedDuringHandshake(std::string message)
        : DiagnosticError(Diagnostic{"error", std::move(message), {}}) {}
};

class WebSocketClient {
public:
    // Connects to `host_port` ("HOST:PORT", IPv6 hosts in brackets) and upgrades `path`.
    // `name` ("ws://HOST:PORT") starts every error message.  Throws DiagnosticError when the
    // connection or the handshake fails, within `timeout`.
    WebSocketClient(const std::string& host_port, const std::string& path, std::string name,
                    std::chrono::milliseconds timeout);
    WebSocketClient(const WebSocketClient&) = delete;
    WebSocketClient& operator=(const WebSocketClient&) = delete;
    ~WebSocketClient();

    void send(WsOpcode opcode, std::string_view payload);

    // The next text or binary message, waiting up to `timeout` for it; nullopt when the time
    // passed.  Pings are answered, pongs dropped.  Throws ConnectionLost when the server closed
    // the connection (after answering its close frame) or the socket ended, DiagnosticError when
    // the server broke the protocol.
    std::optional<WsMessage> receive(std::chrono::milliseconds timeout);

    // Whether a message may be ready without waiting (bytes already received but not parsed).
    bool has_buffered_bytes() const { return parser_.pending() > 0; }

    int poll_fd() const { return socket_ ? socket_->poll_fd() : -1; }
    const std::string& name() const { return name_; }

    // Sends a close frame (when still open) and closes the socket.
    void close();

private:
    std::optional<WsMessage> parsed();
    std::size_t read_socket(std::chrono::milliseconds timeout);

    std::string name_;
    std::unique_ptr<Transport> socket_;
    WsFrameParser parser_;
    std::mt19937 mask_random_;
};

}  // namespace mpy
