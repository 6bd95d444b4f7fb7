#include <gtest/gtest.h>

#include "common/diagnostics.h"
#include "remote/transport/board_return.h"
#include "remote/transport/transport_errors.h"

namespace mpy {
namespace {

PortInfo usb_port(std::string path, int vid, int pid, std::string serial) {
    PortInfo p;
    p.path = std::move(path);
    p.vid = vid;
    p.pid = pid;
    p.serial = std::move(serial);
    return p;
}

// A transport that only remembers which port it was opened on.
class OpenedPort : public Transport {
public:
    explicit OpenedPort(std::string path) : path_(std::move(path)) {}
    std::size_t read(char*, std::size_t, std::chrono::milliseconds) override { return 0; }
    void write(std::string_view) override {}
    int poll_fd() const override { return -1; }
    std::string name() const override { return path_; }
    void close() override {}

private:
    std::string path_;
};

TEST(MprBoardReturn, IdentifiesUsbPortsOnly) {
    std::vector<PortInfo> ports = {usb_port("/dev/ttyACM0", 0x2e8a, 0x0005, "E660"), PortInfo{"/dev/ttyS0", {}, {}, "", "", ""}};
    BoardIdentity usb = identify_board("auto", "/dev/ttyACM0", ports);
    ASSERT_TRUE(usb.usb.has_value());
    EXPECT_EQ(usb.usb->serial, "E660");
    EXPECT_EQ(usb.describe(), "USB 2e8a:0005 serial E660, was /dev/ttyACM0");
    BoardIdentity uart = identify_board("/dev/ttyS0", "/dev/ttyS0", ports);
    EXPECT_FALSE(uart.usb.has_value());
    EXPECT_EQ(uart.describe(), "/dev/ttyS0");
}

TEST(MprBoardReturn, SameVidPidAndSerialUnderAnotherName) {
    PortInfo was = usb_port("/dev/ttyACM0", 0x2e8a, 0x0005, "E660");
    std::vector<PortInfo> back = {usb_port("/dev/ttyACM0", 0x2e8a, 0x0005, "OTHER"),
                                  usb_port("/dev/ttyACM1", 0x2e8a, 0x0005, "E660")};
    auto p = returning_port(back, was);
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->path, "/dev/ttyACM1");
    // Another product with the same serial number is not the board.
    EXPECT_FALSE(returning_port({usb_port("/dev/ttyACM1", 0x2e8a, 0x0003, "E660")}, was).has_value());
}

TEST(MprBoardReturn, WithoutSerialNumberOnlyItsOldName) {
    PortInfo was = usb_port("/dev/ttyUSB0", 0x10c4, 0xea60, "");
    EXPECT_FALSE(returning_port({usb_port("/dev/ttyUSB1", 0x10c4, 0xea60, "")}, was).has_value());
    EXPECT_TRUE(returning_port({usb_port("/dev/ttyUSB0", 0x10c4, 0xea60, "")}, was).has_value());
}

TEST(MprBoardReturn, WaitsUntilThePortComesBackAndOpens) {
    BoardIdentity who{"auto", usb_port("/dev/ttyACM0", 0x2e8a, 0x0005, "E660")};
    int listings = 0, opens = 0;
    BoardOpener opener;
    opener.poll_interval = std::chrono::milliseconds(1);
    // Gone for two listings, then back as ttyACM1, refusing the first open (udev permissions).
    opener.list_ports = [&] {
        ++listings;
        return listings <= 2 ? std::vector<PortInfo>{} : std::vector<PortInfo>{usb_port("/dev/ttyACM1", 0x2e8a, 0x0005, "E660")};
    };
    opener.open = [&](const std::string& path) -> std::unique_ptr<Transport> {
        if (++opens == 1) throw PortUnavailable(PortUnavailable::Reason::inaccessible, 13, "permission denied");
        return std::make_unique<OpenedPort>(path);
    };
    auto t = reopen_board(who, opener, std::chrono::milliseconds(5000));
    EXPECT_EQ(t->name(), "/dev/ttyACM1");
    EXPECT_EQ(listings, 4);
    EXPECT_EQ(opens, 2);
}

TEST(MprBoardReturn, GivesUpWithAMessageNamingTheBoard) {
    BoardIdentity who{"auto", usb_port("/dev/ttyACM0", 0x2e8a, 0x0005, "E660")};
    BoardOpener opener;
    opener.poll_interval = std::chrono::milliseconds(5);
    opener.list_ports = [] { return std::vector<PortInfo>{}; };
    opener.open = [](const std::string& path) -> std::unique_ptr<Transport> { return std::make_unique<OpenedPort>(path); };
    try {
        reopen_board(who, opener, std::chrono::milliseconds(50));
        FAIL() << "expected an error";
    } catch (const DiagnosticError& e) {
        const std::string& m = e.diagnostic().message;
        EXPECT_NE(m.find("USB 2e8a:0005 serial E660"), std::string::npos) << m;
        EXPECT_NE(m.find("did not come back within 0.1 s"), std::string::npos) << m;
        EXPECT_NE(m.find("no USB serial port with that VID:PID"), std::string::npos) << m;
    }
}

}  // namespace
}  // namespace mpy
