// WebReplTransport: MicroPython's WebREPL (`ws://HOST:PORT`) as a Transport.
//
// WebREPL is the board's REPL carried in websocket text messages (both ways), after a login:
// the board sends "Password: ", the client answers the password and "\r", the board says
// "\r\nWebREPL connected\r\n>>> " or "\r\nAccess denied\r\n".  Binary messages carry WebREPL's
// own file get/put records (webrepl_files.h), which this transport keeps apart from the REPL
// stream, so the raw REPL and every command run over it unchanged; BoardFs moves whole files'
// bytes with them (FileChannel).
#pragma once

#include <chrono>
#include <deque>
#include <memory>
#include <optional>
#include <string>

#include "common/diagnostics.h"
#include "remote/transport/file_channel.h"
#include "remote/transport/transport.h"
#include "remote/transport/websocket_client.h"

namespace mpy {

// The login was refused (wrong or missing password).
class WebReplAccessDenied : public DiagnosticError {
public:
    explicit WebReplAccessDenied(std::string message) : DiagnosticError(Diagnostic{"error", std::move(message), {}}) {}
};

class WebReplTransport : public Transport, public FileChannel {
public:
    // Connects to `address` ("HOST:PORT") and logs in with `password`.  Throws
    // WebReplAccessDenied when the board refuses the password, DiagnosticError when the
    // connection, the handshake or the login fails (each naming ws://HOST:PORT).
    WebReplTransport(const std::string& address, const std::string& password, std::chrono::milliseconds timeout);

    std::size_t read(char* buf, std::size_t max, std::chrono::milliseconds timeout) override;
    void write(std::string_view data) override;
    int poll_fd() const override { return ws_.poll_fd(); }
    std::string name() const override { return ws_.name(); }
    void close() override { ws_.close(); }

    // WebREPL's file records: sends one binary message, and waits for the next binary one
    // (REPL text arriving meanwhile is kept for read()).  nullopt when `timeout` passed.
    void send_binary(std::string_view record);
    std::optional<std::string> receive_binary(std::chrono::milliseconds timeout);

    // FileChannel: WebREPL's file put/get records (webrepl_files.h).  The board serves them while
    // its REPL waits for input (mpr calls them between raw REPL commands).
    bool put(std::string_view path, std::string_view data, const Progress& progress) override;
    std::optional<std::string> get(std::string_view path, std::size_t size_hint, const Progress& progress) override;

private:
    void login(const std::string& password, std::chrono::milliseconds timeout);
    // Receives one message into text_ or binary_; false when `timeout` passed.
    bool pump(std::chrono::milliseconds timeout);

    // The board's next binary answer, or an error naming `what` when none comes in time.
    std::string binary_answer(const std::string& what);
    void expect_done(const std::string& what);

    WebSocketClient ws_;
    std::chrono::milliseconds timeout_;
    std::string text_;                 // REPL output received but not read yet
    std::deque<std::string> binary_;   // binary messages not taken yet
};

// open_device's entry for `ws://HOST:PORT` (a path after the port is ignored, as WebREPL
// serves every path).
// `address` without a port means WebREPL's usual 8266.
std::unique_ptr<Transport> open_webrepl(const std::string& address, const std::string& password,
                                        std::chrono::milliseconds timeout);

}  // namespace mpy
