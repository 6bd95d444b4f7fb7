// UF2 drives as folders laid out like one: finding them, the family check, the copy.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "remote/flash/flash_error.h"
#include "remote/flash/uf2_drive.h"

namespace mpy::flash {
namespace {
namespace fs = std::filesystem;

class Uf2DriveTest : public ::testing::Test {
protected:
    void SetUp() override {
        root_ = fs::temp_directory_path() / ("mpr-uf2-test-" + std::to_string(::getpid()));
        fs::remove_all(root_);
        fs::create_directories(root_);
    }
    void TearDown() override { fs::remove_all(root_); }
    fs::path make_drive(const std::string& name, const std::string& info) {
        fs::path d = root_ / name;
        fs::create_directories(d);
        std::ofstream(d / "INFO_UF2.TXT") << info;
        return d;
    }
    fs::path root_;
};

constexpr const char* kRp2040Info = "UF2 Bootloader v3.0\r\nModel: Raspberry Pi RP2\r\nBoard-ID: RPI-RP2\r\n";

TEST_F(Uf2DriveTest, FindsFoldersWithInfoUf2AndReadsTheBoard) {
    make_drive("RPI-RP2", kRp2040Info);
    fs::create_directories(root_ / "USBSTICK");
    auto drives = find_uf2_drives({root_, root_ / "missing"});
    ASSERT_EQ(drives.size(), 1u);
    EXPECT_EQ(drives[0].board_id, "RPI-RP2");
    EXPECT_EQ(drives[0].model, "Raspberry Pi RP2");
    EXPECT_EQ(drives[0].families, std::set<std::uint32_t>{0xe48bff56});
    EXPECT_EQ(drives[0].describe(), "Board-ID RPI-RP2 (Raspberry Pi RP2), takes RP2040 (0xe48bff56)");
}

TEST_F(Uf2DriveTest, AFolderWithoutInfoIsNotADrive) {
    try {
        read_uf2_drive(root_);
        FAIL();
    } catch (const FlashError& e) {
        EXPECT_EQ(e.failure(), FlashFailure::no_device);
        EXPECT_NE(e.diagnostic().message.find("has no INFO_UF2.TXT"), std::string::npos);
    }
}

TEST_F(Uf2DriveTest, FamilyCheck) {
    Uf2Drive rp2040 = read_uf2_drive(make_drive("A", kRp2040Info));
    Uf2Drive rp2350 = read_uf2_drive(make_drive("B", "Model: Raspberry Pi RP2350\nBoard-ID: RP2350\n"));
    Uf2Drive other = read_uf2_drive(make_drive("C", "Board-ID: Some-Board-v1\n"));
    std::vector<std::uint8_t> image(300, 1);
    Uf2File for_rp2040 = parse_uf2(write_uf2(image, 0x10000000, 0xe48bff56), "a.uf2");
    Uf2File for_rp2350 = parse_uf2(write_uf2(image, 0x10000000, 0xe48bff59), "b.uf2");
    Uf2File no_family = parse_uf2(write_uf2(image, 0x2000, 0), "c.uf2");
    EXPECT_EQ(check_uf2_fits(for_rp2040, rp2040, "a.uf2"), "");
    EXPECT_EQ(check_uf2_fits(for_rp2350, rp2350, "b.uf2"), "");
    try {
        check_uf2_fits(for_rp2350, rp2040, "b.uf2");
        FAIL() << "an RP2350 file was let onto an RP2040";
    } catch (const FlashError& e) {
        EXPECT_EQ(e.failure(), FlashFailure::wrong_file);
        EXPECT_NE(e.diagnostic().message.find("b.uf2 is for UF2 family RP2350_ARM_S (0xe48bff59)"), std::string::npos)
            << e.diagnostic().message;
        EXPECT_NE(e.diagnostic().message.find("takes RP2040 (0xe48bff56)"), std::string::npos);
    }
    EXPECT_THROW(check_uf2_fits(for_rp2040, rp2350, "a.uf2"), FlashError);
    EXPECT_NE(check_uf2_fits(no_family, rp2040, "c.uf2").find("names no UF2 family"), std::string::npos);
    EXPECT_NE(check_uf2_fits(for_rp2040, other, "a.uf2").find("does not know"), std::string::npos);
}

TEST_F(Uf2DriveTest, CopyIsByteEqual) {
    Uf2Drive d = read_uf2_drive(make_drive("RPI-RP2", kRp2040Info));
    std::vector<std::uint8_t> image(100000);
    for (std::size_t i = 0; i < image.size(); ++i) image[i] = static_cast<std::uint8_t>(i ^ (i >> 8));
    std::vector<std::uint8_t> bytes = write_uf2(image, 0x10000000, 0xe48bff56);
    std::vector<std::size_t> steps;
    fs::path written = copy_to_drive(bytes, d, "firmware.uf2", [&](std::size_t done, std::size_t total) {
        EXPECT_EQ(total, bytes.size());
        steps.push_back(done);
    });
    ASSERT_EQ(steps.size(), (bytes.size() + 65535) / 65536);  // 200 KB in 64 KB steps
    EXPECT_EQ(steps.back(), bytes.size());
    std::ifstream in(written, std::ios::binary);
    std::vector<std::uint8_t> back((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(back, bytes);
}

TEST_F(Uf2DriveTest, CopyToAVanishedDriveIsAnError) {
    Uf2Drive d;
    d.path = root_ / "gone";
    std::vector<std::uint8_t> bytes(512);
    try {
        copy_to_drive(bytes, d, "x.uf2");
        FAIL();
    } catch (const FlashError& e) {
        EXPECT_EQ(e.failure(), FlashFailure::io);
        EXPECT_NE(e.diagnostic().message.find("cannot create"), std::string::npos);
    }
}

}  // namespace
}  // namespace mpy::flash
