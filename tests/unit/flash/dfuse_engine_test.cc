// The DfuSe engine against the device model (dfuse_model.h), which stands in for hardware: a full
// flash verified by read-back, and each injected fault ending in a named error.
#include <gtest/gtest.h>

#include <random>

#include "remote/flash/dfu_file.h"
#include "remote/flash/dfuse_engine.h"
#include "remote/flash/flash_error.h"
#include "tests/unit/flash/dfuse_model.h"

namespace mpy::flash {
namespace {

using testing::DfuseModel;

std::vector<std::uint8_t> random_image(std::size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::vector<std::uint8_t> out(n);
    for (auto& b : out) b = static_cast<std::uint8_t>(rng());
    return out;
}

// A .dfu file as the tools write it, read back: what `mpr flash` hands the engine.
DfuFile file_with(std::vector<DfuElement> elements) {
    DfuFile f;
    f.targets.push_back(DfuTarget{0, "ST...", std::move(elements)});
    return parse_dfu(write_dfu(f), "test.dfu");
}

DfuDeviceFacts facts_of(const DfuseModel& m) { return DfuDeviceFacts{m.functional(), m.layout(), 0}; }

FlashError flash_expecting_error(DfuseModel& model, const DfuFile& file, FlashSettings settings = {}) {
    DfuseEngine engine(model, facts_of(model));
    try {
        engine.flash(file, settings);
    } catch (const FlashError& e) {
        return e;
    }
    ADD_FAILURE() << "the flash succeeded";
    return FlashError(FlashFailure::io, "");
}

TEST(DfuseEngine, Flashes512KbImageVerifiedByReadBack) {
    DfuseModel model;
    std::vector<std::uint8_t> image = random_image(512 * 1024, 1);
    std::vector<std::pair<int, std::size_t>> progress;
    DfuseEngine engine(model, facts_of(model),
                       {[&](FlashProgress::Phase p, std::size_t d, std::size_t t) {
                           progress.emplace_back(static_cast<int>(p), d);
                           EXPECT_LE(d, t);
                       }});
    engine.flash(file_with({{DfuseModel::kBase, image}}), {});
    EXPECT_TRUE(std::equal(image.begin(), image.end(), model.memory.begin()));
    // 512 KB covers 4 x 16 KB + 64 KB + 3 x 128 KB: 8 sectors erased, the rest untouched.
    EXPECT_EQ(model.erases, 8);
    EXPECT_EQ(model.at(DfuseModel::kBase + 512 * 1024), static_cast<std::uint8_t>(512 * 1024 * 7 + 3));
    EXPECT_EQ(model.data_blocks, 512 * 1024 / DfuseModel::kTransferSize);
    EXPECT_EQ(model.uploads, 512 * 1024 / DfuseModel::kTransferSize);
    EXPECT_EQ(model.violations, 0) << model.last_violation;
    EXPECT_TRUE(model.left_dfu);
    ASSERT_FALSE(progress.empty());
    EXPECT_EQ(progress.back(), std::make_pair(static_cast<int>(FlashProgress::Phase::verify), image.size()));
}

TEST(DfuseEngine, ElementsAtOddAddressesAndSizesLandWhereTheFileSays) {
    DfuseModel model;
    auto a = random_image(5000, 2), b = random_image(3000, 3);
    DfuFile file = file_with({{DfuseModel::kBase + 0x100, a}, {DfuseModel::kBase + 0x20000 + 8, b}});
    DfuseEngine(model, facts_of(model)).flash(file, {});
    const auto& ea = file.targets[0].elements[0].data;  // padded to 8 bytes by the writer
    EXPECT_TRUE(std::equal(ea.begin(), ea.end(), model.memory.begin() + 0x100));
    EXPECT_TRUE(std::equal(b.begin(), b.end(), model.memory.begin() + 0x20008));
    EXPECT_EQ(model.erases, 2);  // sector 0 and the 128 KB sector at 0x08020000
    EXPECT_EQ(model.violations, 0) << model.last_violation;
}

TEST(DfuseEngine, NoVerifyReadsNothingBack) {
    DfuseModel model;
    DfuseEngine(model, facts_of(model)).flash(file_with({{DfuseModel::kBase, random_image(10000, 4)}}),
                                              {.verify = false});
    EXPECT_EQ(model.uploads, 0);
    EXPECT_TRUE(model.left_dfu);
}

TEST(DfuseEngine, StallMidDownloadIsNamedAndLeavesTheDeviceRetryable) {
    DfuseModel model;
    model.faults.stall_on_data_block = 10;
    DfuFile file = file_with({{DfuseModel::kBase, random_image(64 * 1024, 5)}});
    FlashError e = flash_expecting_error(model, file);
    EXPECT_EQ(e.failure(), FlashFailure::stalled);
    std::string msg = e.diagnostic().message;
    EXPECT_NE(msg.find("stalled writing 2048 bytes at 0x08004800"), std::string::npos) << msg;
    EXPECT_NE(msg.find("errSTALLEDPKT"), std::string::npos) << msg;
    EXPECT_NE(msg.find("dfuERROR"), std::string::npos) << msg;
    EXPECT_NE(msg.find("safe to run `mpr flash` again"), std::string::npos) << msg;
    EXPECT_FALSE(model.left_dfu);
    // Retrying works: the engine clears the error state first.
    model.faults = {};
    DfuseEngine(model, facts_of(model)).flash(file, {});
    EXPECT_TRUE(std::equal(file.targets[0].elements[0].data.begin(), file.targets[0].elements[0].data.end(),
                           model.memory.begin()));
}

TEST(DfuseEngine, WrongStatusIsNamed) {
    DfuseModel model;
    model.faults.wrong_status_on_data_block = 3;
    FlashError e = flash_expecting_error(model, file_with({{DfuseModel::kBase, random_image(20000, 6)}}));
    EXPECT_EQ(e.failure(), FlashFailure::device_error);
    std::string msg = e.diagnostic().message;
    EXPECT_NE(msg.find("status errPROG (program memory function failed), state dfuERROR"), std::string::npos) << msg;
    EXPECT_NE(msg.find("0x08001000"), std::string::npos) << msg;
    EXPECT_EQ(model.state, DfuState::dfu_idle);  // cleared with DFU_CLRSTATUS
}

TEST(DfuseEngine, DeviceGoneMidDownloadSaysTheBoardIsStillInItsBootloader) {
    DfuseModel model;
    model.faults.gone_on_data_block = 7;
    FlashError e = flash_expecting_error(model, file_with({{DfuseModel::kBase, random_image(30000, 7)}}));
    EXPECT_EQ(e.failure(), FlashFailure::device_gone);
    std::string msg = e.diagnostic().message;
    EXPECT_NE(msg.find("went away while writing"), std::string::npos) << msg;
    EXPECT_NE(msg.find("still in its DFU bootloader"), std::string::npos) << msg;
}

TEST(DfuseEngine, DeviceBusyForeverTimesOutNamingTheState) {
    DfuseModel model;
    model.faults.stuck_busy = true;
    FlashError e = flash_expecting_error(model, file_with({{DfuseModel::kBase, random_image(4096, 8)}}),
                                         {.busy_limit = std::chrono::milliseconds(3000)});
    EXPECT_EQ(e.failure(), FlashFailure::timeout);
    EXPECT_NE(e.diagnostic().message.find("stayed busy (dfuDNBUSY)"), std::string::npos) << e.diagnostic().message;
    EXPECT_EQ(model.violations, 0) << model.last_violation;  // it waited out every poll timeout
}

TEST(DfuseEngine, ReadBackMismatchFailsVerify) {
    DfuseModel model;
    model.faults.bad_cell = DfuseModel::kBase + 12345;
    FlashError e = flash_expecting_error(model, file_with({{DfuseModel::kBase, random_image(40000, 9)}}));
    EXPECT_EQ(e.failure(), FlashFailure::verify_failed);
    EXPECT_NE(e.diagnostic().message.find("0x08003039 reads back"), std::string::npos) << e.diagnostic().message;
    EXPECT_FALSE(model.left_dfu);
}

TEST(DfuseEngine, DeviceWithoutUploadAsksForNoVerifyBeforeErasing) {
    DfuseModel model;
    model.faults.no_upload = true;
    FlashError e = flash_expecting_error(model, file_with({{DfuseModel::kBase, random_image(100, 10)}}));
    EXPECT_NE(e.diagnostic().message.find("--no-verify"), std::string::npos);
    EXPECT_EQ(model.erases, 0);
}

TEST(DfuseEngine, FileForAnotherBoardIsRefusedBeforeErasing) {
    DfuseModel model;
    FlashError outside = flash_expecting_error(model, file_with({{0x08100000 - 16, random_image(64, 11)}}));
    EXPECT_EQ(outside.failure(), FlashFailure::wrong_file);
    EXPECT_NE(outside.diagnostic().message.find("outside the device's 'Internal Flash'"), std::string::npos)
        << outside.diagnostic().message;
    DfuFile other = file_with({{DfuseModel::kBase, random_image(64, 12)}});
    other.vendor = 0x1209;
    other.product = 0x0001;
    FlashError vendor = flash_expecting_error(model, other);
    EXPECT_EQ(vendor.failure(), FlashFailure::wrong_file);
    EXPECT_NE(vendor.diagnostic().message.find("1209:0001"), std::string::npos);
    EXPECT_EQ(model.erases, 0);
}

TEST(DfuseEngine, TargetForAnotherAlternateSettingIsRefused) {
    DfuseModel model;
    DfuFile f;
    f.targets.push_back(DfuTarget{1, "Option Bytes", {{DfuseModel::kBase, random_image(16, 14)}}});
    FlashError e = flash_expecting_error(model, parse_dfu(write_dfu(f), "opt.dfu"));
    EXPECT_EQ(e.failure(), FlashFailure::wrong_file);
    EXPECT_NE(e.diagnostic().message.find("alternate setting 1"), std::string::npos) << e.diagnostic().message;
    EXPECT_EQ(model.erases, 0);
}

TEST(DfuseEngine, StartsFromAnErrorStateLeftByAnEarlierRun) {
    DfuseModel model;
    model.state = DfuState::dfu_error;
    model.status = DfuStatus::err_write;
    DfuseEngine(model, facts_of(model)).flash(file_with({{DfuseModel::kBase, random_image(3000, 13)}}), {});
    EXPECT_TRUE(model.left_dfu);
}

// The model itself catches a host that does not wait out bwPollTimeout: what makes the
// no-violation checks above able to fail.
TEST(DfuseModel, PollingBeforeThePollTimeoutIsAViolation) {
    DfuseModel model;
    std::vector<std::uint8_t> erase{kDfuSeErase, 0x00, 0x00, 0x00, 0x08};
    model.control_out(DfuRequest::dnload, 0, erase);
    auto st = DfuStatusReport::parse(model.control_in(DfuRequest::getstatus, 0, 6));
    EXPECT_EQ(st.state, DfuState::dfu_dnbusy);
    EXPECT_EQ(st.poll_timeout, std::chrono::milliseconds(200));
    EXPECT_THROW(model.control_in(DfuRequest::getstatus, 0, 6), UsbTransferError);
    EXPECT_EQ(model.violations, 1);
    EXPECT_EQ(model.state, DfuState::dfu_error);
}

TEST(DfuseModel, WritingUnerasedFlashIsAnError) {
    DfuseModel model;
    DfuseEngine engine(model, facts_of(model));
    std::size_t done = 0;
    std::vector<std::uint8_t> data(16, 0x55);
    try {
        engine.download(DfuseModel::kBase, data, done, data.size());
        FAIL() << "wrote unerased flash";
    } catch (const FlashError& e) {
        EXPECT_NE(e.diagnostic().message.find("errCHECK_ERASED"), std::string::npos) << e.diagnostic().message;
    }
}

}  // namespace
}  // namespace mpy::flash
