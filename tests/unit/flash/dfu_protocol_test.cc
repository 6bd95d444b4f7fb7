// The DFU protocol's pieces: names of states and statuses, the GETSTATUS answer, the functional
// descriptor, DfuSe memory layouts, and the udev advice for a device this user may not open.
#include <gtest/gtest.h>

#include "remote/flash/dfu_protocol.h"
#include "remote/flash/flash_error.h"
#include "remote/flash/libusb_dfu.h"

namespace mpy::flash {
namespace {

TEST(DfuProtocol, EveryStateAndStatusHasItsSpecName) {
    EXPECT_EQ(state_name(DfuState::dfu_dnload_idle), "dfuDNLOAD-IDLE");
    EXPECT_EQ(state_name(DfuState::dfu_manifest_wait_reset), "dfuMANIFEST-WAIT-RESET");
    EXPECT_EQ(state_name(static_cast<DfuState>(42)), "unknown state 42");
    EXPECT_EQ(status_name(DfuStatus::err_check_erased), "errCHECK_ERASED");
    EXPECT_EQ(status_name(static_cast<DfuStatus>(0x20)), "unknown status 0x20");
    for (int s = 0; s <= 10; ++s) EXPECT_EQ(state_name(static_cast<DfuState>(s)).find("unknown"), std::string::npos);
    for (int s = 0; s <= 15; ++s) {
        EXPECT_EQ(status_name(static_cast<DfuStatus>(s)).find("unknown"), std::string::npos) << s;
        EXPECT_NE(status_meaning(static_cast<DfuStatus>(s)), "not a DFU 1.1 status") << s;
    }
}

TEST(DfuProtocol, StatusAnswerRoundTripAndShortAnswer) {
    DfuStatusReport r;
    r.status = DfuStatus::err_write;
    r.poll_timeout = std::chrono::milliseconds(0x012345);
    r.state = DfuState::dfu_error;
    std::vector<std::uint8_t> bytes = r.encode();
    EXPECT_EQ(bytes, (std::vector<std::uint8_t>{0x03, 0x45, 0x23, 0x01, 10, 0}));
    DfuStatusReport back = DfuStatusReport::parse(bytes);
    EXPECT_EQ(back.poll_timeout.count(), 0x012345);
    EXPECT_EQ(back.describe(), "status errWRITE (device is unable to write memory), state dfuERROR");
    EXPECT_THROW(DfuStatusReport::parse(std::vector<std::uint8_t>{0, 0, 0}), FlashError);
}

TEST(DfuProtocol, FunctionalDescriptorIsFoundAmongOthers) {
    // A vendor descriptor (4 bytes, type 0x24) before the DFU functional one (type 0x21).
    std::vector<std::uint8_t> extra{4, 0x24, 1, 2, 9, 0x21, 0x0B, 0xFF, 0x00, 0x00, 0x08, 0x1A, 0x01};
    DfuFunctional f;
    ASSERT_TRUE(DfuFunctional::find(extra, f));
    EXPECT_EQ(f.transfer_size, 2048);
    EXPECT_EQ(f.detach_timeout_ms, 255);
    EXPECT_EQ(f.dfu_version, 0x011A);
    EXPECT_TRUE(f.can_upload());
    DfuFunctional none;
    EXPECT_FALSE(DfuFunctional::find(std::vector<std::uint8_t>{4, 0x24, 1, 2}, none));
    EXPECT_FALSE(DfuFunctional::find(std::vector<std::uint8_t>{9, 0x21, 0x0B}, none));  // truncated
}

TEST(DfuProtocol, MemoryLayoutOfAnStm32F4) {
    DfuMemoryLayout l = DfuMemoryLayout::parse("@Internal Flash  /0x08000000/04*016Kg,01*064Kg,07*128Kg");
    EXPECT_EQ(l.name, "Internal Flash");
    ASSERT_EQ(l.runs.size(), 3u);
    EXPECT_EQ(l.runs[1].start, 0x08010000u);
    EXPECT_EQ(l.runs[2].start, 0x08020000u);
    EXPECT_EQ(l.runs[2].size, 128u * 1024);
    EXPECT_TRUE(l.runs[2].readable && l.runs[2].erasable && l.runs[2].writable);
    EXPECT_EQ(l.sector_start(0x08023456), 0x08020000u);
    EXPECT_EQ(l.sector_start(0x08005000), 0x08004000u);
    EXPECT_EQ(l.run_at(0x08100000), nullptr);
    EXPECT_EQ(l.run_at(0x07FFFFFF), nullptr);
}

TEST(DfuProtocol, MemoryLayoutWithSegmentsBytesAndReadOnlyMemory) {
    DfuMemoryLayout l = DfuMemoryLayout::parse("@Option Bytes  /0x1FFFC000/01*016 e/0x1FFEC000/01*016 a");
    ASSERT_EQ(l.runs.size(), 2u);
    EXPECT_EQ(l.runs[0].size, 16u);
    EXPECT_TRUE(l.runs[0].writable && l.runs[0].readable && !l.runs[0].erasable);  // 'e' = read, write
    EXPECT_EQ(l.runs[1].start, 0x1FFEC000u);
    EXPECT_TRUE(l.runs[1].readable && !l.runs[1].writable);
}

TEST(DfuProtocol, UnreadableLayoutsAreNamed) {
    for (const char* bad : {"Internal Flash", "@Flash/0x08000000", "@Flash/zzz/04*016Kg", "@Flash/0x0/04x016Kg",
                            "@Flash/0x0/00*016Kg", "@Flash/0x0/04*016Kz"}) {
        try {
            DfuMemoryLayout::parse(bad);
            ADD_FAILURE() << bad;
        } catch (const FlashError& e) {
            EXPECT_NE(e.diagnostic().message.find(std::string("'") + bad + "'"), std::string::npos)
                << e.diagnostic().message;
        }
    }
}

TEST(DfuProtocol, PermissionAdviceNamesTheUdevRule) {
    std::string advice = usb_permission_advice(0x0483, 0xdf11);
    EXPECT_NE(advice.find(R"(SUBSYSTEM=="usb", ATTR{idVendor}=="0483", ATTR{idProduct}=="df11", TAG+="uaccess")"),
              std::string::npos)
        << advice;
    EXPECT_NE(advice.find("/etc/udev/rules.d/"), std::string::npos);
}

// Enumeration runs wherever the tests run (CI has no USB device): it must not fail for that.
TEST(LibusbDfu, EnumerationWithoutDevicesIsNotAnError) {
    try {
        for (const DfuDeviceInfo& d : list_dfu_devices()) EXPECT_FALSE(d.id().empty());
    } catch (const FlashError& e) {
        // No USB at all on this machine: the one error allowed, and it says so.
        EXPECT_NE(e.diagnostic().message.find("libusb cannot start"), std::string::npos);
    }
}

}  // namespace
}  // namespace mpy::flash
