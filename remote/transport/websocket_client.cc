#include "remote/transport/websocket_client.h"

#include "common/diagnostics.h"
#include "remote/transport/socket_transport.h"
#include "remote/transport/transport_errors.h"
#include "remote/transport/websocket_handshake.h"

namespace mpy {
namespace {


std::chrono::milliseconds remaining(Clock::time_point deadline) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    return left.count() > 0 ? left : std::chrono::milliseconds(0);
}

}  // namespace

WebSocketClient::WebSocketClient(const std::string& host_port, const std::string& path, std::string name,
                                 std::chrono::milliseconds timeout)
    : name_(std::move(name)), mask_random_(std::random_device{}()) {
    try {
        socket_ = open_socket(host_port);
    } catch (const DiagnosticError& e) {
        // open_socket names the address as socket://; say it as the user wrote it.
        std::string msg = e.diagnostic().message;
        const std::string prefix = "socket://" + host_port;
        if (msg.compare(0, prefix.size(), prefix) == 0) msg = name_ + msg.substr(prefix.size());
        raise_error(msg);
    }
    const std::string key = make_websocket_key();
    socket_->write(websocket_upgrade_request(host_port, path, key));
    const auto deadline = Clock::now() + timeout;
    std::string received;
    char buf[4096];
    while (true) {
        std::size_t n = 0;
        try {
            n = socket_->read(buf, sizeof buf, remaining(deadline));
        } catch (const ConnectionLost&) {
            throw WebSocketClosedDuringHandshake(name_ + ": the server closed the connection during the websocket handshake");
        }
        if (n == 0) raise_error(name_ + ": no answer to the websocket handshake");
        received.append(buf, n);
        if (auto head = http_head_length(received)) {
            std::string problem = check_upgrade_response(std::string_view(received).substr(0, *head), key);
            if (!problem.empty()) raise_error(name_ + ": " + problem);
            // What followed the head is the first frames.
            parser_.feed(std::string_view(received).substr(*head));
            return;
        }
        if (received.size() > 16384) raise_error(name_ + ": the server's answer to the websocket handshake is too long");
    }
}

WebSocketClient::~WebSocketClient() {
    try {
        close();
    } catch (...) {
        // Closing is a courtesy to the server; the socket is released either way.
    }
}

void WebSocketClient::send(WsOpcode opcode, std::string_view payload) {
    if (!socket_) throw ConnectionLost(name_ + ": connection is closed");
    try {
        socket_->write(encode_client_frame(opcode, payload, static_cast<std::uint32_t>(mask_random_())));
    } catch (const ConnectionLost&) {
        throw ConnectionLost(name_ + ": the board closed the connection");
    }
}

std::optional<WsMessage> WebSocketClient::parsed() {
    try {
        while (auto m = parser_.next()) {
            switch (m->opcode) {
                case WsOpcode::ping:
                    send(WsOpcode::pong, m->payload);
                    break;
                case WsOpcode::pong:
                    break;
                case WsOpcode::close:
                    // Answer with the same status, as the closing handshake asks, then end.
                    try {
                        send(WsOpcode::close, m->payload.substr(0, 2));
                    } catch (const DiagnosticError&) {
                        // The server may already be gone; it is closing anyway.
                    }
                    socket_->close();
                    socket_.reset();
                    throw ConnectionLost(name_ + ": the board closed the connection");
                default:
                    return m;
            }
        }
    } catch (const WebSocketProtocolError& e) {
        raise_error(name_ + ": " + e.what());
    }
    return std::nullopt;
}

std::size_t WebSocketClient::read_socket(std::chrono::milliseconds timeout) {
    char buf[8192];
    std::size_t n = 0;
    try {
        n = socket_->read(buf, sizeof buf, timeout);
    } catch (const ConnectionLost&) {
        // The socket names itself socket://; the user connected to ws://.
        throw ConnectionLost(name_ + ": the board closed the connection");
    }
    parser_.feed(std::string_view(buf, n));
    return n;
}

std::optional<WsMessage> WebSocketClient::receive(std::chrono::milliseconds timeout) {
    if (!socket_) throw ConnectionLost(name_ + ": connection is closed");
    const auto deadline = Clock::now() + timeout;
    while (true) {
        if (auto m = parsed()) return m;
        if (read_socket(remaining(deadline)) == 0 && Clock::now() >= deadline) return std::nullopt;
    }
}

void WebSocketClient::close() {
    if (!socket_) return;
    try {
        send(WsOpcode::close, std::string("\x03\xe8", 2));  // 1000: normal closure
    } catch (const DiagnosticError&) {
        // Already gone.
    }
    socket_->close();
    socket_.reset();
}

}  // namespace mpy
