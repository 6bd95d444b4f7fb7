// Failures of a connection come as types (transport_errors.h), on real ptys and paths.
#include <gtest/gtest.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <pty.h>
#include <unistd.h>

#include "remote/transport/connect.h"
#include "remote/transport/transport_errors.h"
#include "remote/transport/tty_transport.h"

namespace mpy {
namespace {

// A pty pair; the slave side is the "port" mpr opens.
struct Pty {
    int master = -1, slave = -1;
    std::string path;
    Pty() {
        char name[256];
        if (openpty(&master, &slave, name, nullptr, nullptr) == 0) path = name;
    }
    ~Pty() {
        if (master >= 0) ::close(master);
        if (slave >= 0) ::close(slave);
    }
};

TEST(MprTransportErrors, MissingPortIsInaccessibleWithoutAHint) {
    try {
        open_device("/nonexistent/ttyMPR0", ConnectOptions{});
        FAIL();
    } catch (const PortUnavailable& e) {
        EXPECT_EQ(e.reason(), PortUnavailable::Reason::inaccessible);
        EXPECT_EQ(e.error_number(), ENOENT);
        EXPECT_EQ(e.diagnostic().message, "failed to access /nonexistent/ttyMPR0: No such file or directory");
    }
}

TEST(MprTransportErrors, PortThatCannotBeOpenedMayBeInUse) {
    std::string dir = std::filesystem::temp_directory_path().string();
    try {
        open_device(dir, ConnectOptions{});
        FAIL();
    } catch (const PortUnavailable& e) {
        EXPECT_EQ(e.reason(), PortUnavailable::Reason::inaccessible);
        EXPECT_EQ(e.error_number(), EISDIR);
        std::string m = e.diagnostic().message;
        EXPECT_EQ(m.rfind("failed to access " + dir, 0), 0u) << m;
        EXPECT_NE(m.find("(it may be in use by another program)"), std::string::npos) << m;
    }
}

TEST(MprTransportErrors, SecondOpenOfAPortIsBusy) {
    Pty pty;
    ASSERT_FALSE(pty.path.empty());
    auto first = TtyTransport::open(pty.path, ConnectOptions{});
    try {
        TtyTransport::open(pty.path, ConnectOptions{});
        FAIL();
    } catch (const PortUnavailable& e) {
        EXPECT_EQ(e.reason(), PortUnavailable::Reason::busy);
        EXPECT_EQ(e.diagnostic().message.rfind("port busy: " + pty.path, 0), 0u) << e.diagnostic().message;
    }
}

TEST(MprTransportErrors, VanishedDeviceIsConnectionLost) {
    Pty pty;
    ASSERT_FALSE(pty.path.empty());
    auto port = TtyTransport::open(pty.path, ConnectOptions{});
    EXPECT_FALSE(port->lossless());
    ::close(pty.master);  // the board goes away
    pty.master = -1;
    char buf[16];
    EXPECT_THROW(port->read(buf, sizeof buf, std::chrono::milliseconds(500)), ConnectionLost);
    port->close();
    EXPECT_THROW(port->write("x"), ConnectionLost);
}

}  // namespace
}  // namespace mpy
