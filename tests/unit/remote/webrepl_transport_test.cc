// WebReplTransport and WebSocketClient against a scripted WebREPL server on 127.0.0.1 (a thread
// of this test speaking the server's side byte by byte): the login, the REPL stream in text
// messages (fragmented ones joined), pings answered, binary messages kept apart, a refused
// password, a close frame, a server that is not a websocket, a silent one.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <functional>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

#include "remote/transport/transport_errors.h"
#include "remote/transport/webrepl_transport.h"
#include "remote/transport/websocket_frame.h"
#include "remote/transport/websocket_handshake.h"

namespace mpy {
namespace {

using namespace std::chrono_literals;

// The server's side of one connection, with blocking reads.
class ServerSide {
public:
    explicit ServerSide(int fd) : fd_(fd) {}
    ~ServerSide() { ::close(fd_); }

    // Reads the upgrade request and answers it (101 with the right accept value).
    void upgrade() {
        std::string head;
        char c;
        while (head.size() < 4 || head.substr(head.size() - 4) != "\r\n\r\n") {
            ASSERT_EQ(::read(fd_, &c, 1), 1);
            head += c;
        }
        auto k = head.find("Sec-WebSocket-Key: ");
        ASSERT_NE(k, std::string::npos);
        std::string key = head.substr(k + 19, head.find("\r\n", k) - k - 19);
        send_raw("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 "Sec-WebSocket-Accept: " + websocket_accept_for(key) + "\r\n\r\n");
    }
    void send_raw(const std::string& bytes) { ASSERT_EQ(::write(fd_, bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size())); }
    // An unmasked frame, as servers send them (payloads under 126 bytes here).
    void send_frame(int first_byte, const std::string& payload) {
        send_raw(std::string(1, static_cast<char>(first_byte)) + static_cast<char>(payload.size()) + payload);
    }
    // The next message from the client (which must mask: the parser unmasks).
    WsMessage receive() {
        while (true) {
            if (auto m = parser_.next()) return *m;
            char buf[256];
            ssize_t n = ::read(fd_, buf, sizeof buf);
            if (n <= 0) return {WsOpcode::close, "<eof>"};
            parser_.feed(std::string_view(buf, static_cast<std::size_t>(n)));
        }
    }

private:
    int fd_;
    WsFrameParser parser_;
};

// Listens on a free port; runs `script` on the first connection in a thread.
class ScriptedServer {
public:
    explicit ScriptedServer(std::function<void(ServerSide&)> script) {
        listen_fd_ = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        bind(listen_fd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
        listen(listen_fd_, 1);
        socklen_t len = sizeof a;
        getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&a), &len);
        port_ = ntohs(a.sin_port);
        thread_ = std::thread([this, script] {
            int fd = accept(listen_fd_, nullptr, nullptr);
            if (fd < 0) return;
            ServerSide side(fd);
            script(side);
        });
    }
    ~ScriptedServer() {
        join();
        ::close(listen_fd_);
    }
    // Waits for the script to end (what it recorded can be read after this).
    void join() {
        if (thread_.joinable()) thread_.join();
    }
    std::string address() const { return "127.0.0.1:" + std::to_string(port_); }

private:
    int listen_fd_;
    int port_ = 0;
    std::thread thread_;
};

void login(ServerSide& s, const std::string& expected_password) {
    s.upgrade();
    // The prompt in two fragments: the client must join them.
    s.send_frame(0x01, "Pass");
    s.send_frame(0x80, "word: ");
    WsMessage pw = s.receive();
    EXPECT_EQ(pw.opcode, WsOpcode::text);
    EXPECT_EQ(pw.payload, expected_password + "\r");
}

std::string read_until(Transport& t, const std::string& end) {
    std::string got;
    char buf[64];
    auto deadline = Clock::now() + 10s;
    while (got.find(end) == std::string::npos && Clock::now() < deadline) got.append(buf, t.read(buf, sizeof buf, 100ms));
    return got;
}

TEST(WebReplTransport, LogsInAndCarriesTheReplInTextMessages) {
    std::string pong, typed;
    ScriptedServer server([&](ServerSide& s) {
        login(s, "pw");
        s.send_frame(0x81, "\r\nWebREPL connected\r\n>>> ");
        typed = s.receive().payload;
        s.send_frame(0x89, "beat");              // ping
        s.send_frame(0x82, std::string("WB\0\0", 4));  // a binary record's answer
        s.send_frame(0x81, "out\r\n");
        WsMessage m = s.receive();
        pong = m.opcode == WsOpcode::pong ? m.payload : "<not a pong>";
        s.receive();  // the client's close
    });
    {
        WebReplTransport t(server.address(), "pw", 10s);
        EXPECT_EQ(t.name(), "ws://" + server.address());
        t.write("\x01print(1)\x04");
        EXPECT_EQ(read_until(t, "out\r\n"), ">>> out\r\n");
        auto record = t.receive_binary(10s);
        ASSERT_TRUE(record);
        EXPECT_EQ(*record, std::string("WB\0\0", 4));
    }
    server.join();  // what the server saw can be read now
    EXPECT_EQ(typed, "\x01print(1)\x04");
    EXPECT_EQ(pong, "beat");
}

TEST(WebReplTransport, AWrongPasswordIsAccessDeniedNamingTheAddress) {
    ScriptedServer server([](ServerSide& s) {
        login(s, "nope");
        s.send_frame(0x81, "\r\nAccess denied\r\n");
    });
    try {
        WebReplTransport t(server.address(), "nope", 10s);
        FAIL() << "logged in";
    } catch (const WebReplAccessDenied& e) {
        EXPECT_EQ(e.diagnostic().message, "ws://" + server.address() + ": access denied: wrong WebREPL password");
    }
}

TEST(WebReplTransport, ACloseFrameEndsTheConnection) {
    std::string answered;
    ScriptedServer server([&](ServerSide& s) {
        login(s, "");
        s.send_frame(0x81, "\r\nWebREPL connected\r\n");
        s.send_frame(0x88, "\x03\xe8");
        answered = s.receive().payload;
    });
    WebReplTransport t(server.address(), "", 10s);
    char buf[16];
    try {
        while (t.read(buf, sizeof buf, 10s) > 0) {
        }
        FAIL() << "no ConnectionLost";
    } catch (const ConnectionLost& e) {
        EXPECT_EQ(e.diagnostic().message, "ws://" + server.address() + ": the board closed the connection");
    }
    t.close();
    server.join();
    EXPECT_EQ(answered, "\x03\xe8");  // the close was answered with its status
}

TEST(WebReplTransport, AServerThatIsNotAWebSocket) {
    ScriptedServer server([](ServerSide& s) {
        s.send_raw("HTTP/1.0 200 OK\r\n\r\n<html>");
    });
    try {
        WebReplTransport t(server.address(), "", 10s);
        FAIL() << "connected";
    } catch (const DiagnosticError& e) {
        EXPECT_NE(e.diagnostic().message.find("ws://" + server.address() + ": the server refused the websocket upgrade"),
                  std::string::npos) << e.diagnostic().message;
    }
}

TEST(WebReplTransport, ASilentServerTimesOutBeforeThePrompt) {
    ScriptedServer server([](ServerSide& s) {
        s.upgrade();
        s.receive();  // until the client gives up and closes
    });
    try {
        WebReplTransport t(server.address(), "", 300ms);
        FAIL() << "logged in";
    } catch (const DiagnosticError& e) {
        EXPECT_NE(e.diagnostic().message.find("no answer from the board before its password prompt"), std::string::npos)
            << e.diagnostic().message;
    }
}

}  // namespace
}  // namespace mpy
