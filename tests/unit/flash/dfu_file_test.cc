// .dfu files: what the writer makes, the reader reads back; every damaged field is named.
#include <gtest/gtest.h>

#include "remote/flash/crc32.h"
#include "remote/flash/dfu_file.h"
#include "remote/flash/flash_error.h"

namespace mpy::flash {
namespace {

DfuFile sample() {
    DfuFile f;
    f.targets.push_back(DfuTarget{0, "ST...", {{0x08000000, {1, 2, 3, 4, 5, 6, 7, 8, 9}}, {0x08020000, {0xAA}}}});
    return f;
}

std::string error_of(const std::vector<std::uint8_t>& bytes) {
    try {
        parse_dfu(bytes, "fw.dfu");
    } catch (const FlashError& e) {
        EXPECT_EQ(e.failure(), FlashFailure::bad_file);
        return e.diagnostic().message;
    }
    return "(no error)";
}

// The CRC must be the standard CRC-32's register before its final inversion.
TEST(DfuCrc, IsTheInvertedStandardCrc32) {
    std::string text = "123456789";
    std::vector<std::uint8_t> b(text.begin(), text.end());
    EXPECT_EQ(dfu_crc32(b), ~0xCBF43926u);
}

TEST(DfuFile, WriterLayoutAndRoundTrip) {
    std::vector<std::uint8_t> bytes = write_dfu(sample());
    // prefix 11 + target prefix 274 + (8 + 16) + (8 + 8) + suffix 16
    ASSERT_EQ(bytes.size(), 11u + 274 + 24 + 16 + 16);
    EXPECT_EQ(std::string(bytes.begin(), bytes.begin() + 5), "DfuSe");
    EXPECT_EQ(std::string(bytes.end() - 8, bytes.end() - 5), "UFD");
    DfuFile back = parse_dfu(bytes, "fw.dfu");
    ASSERT_EQ(back.targets.size(), 1u);
    EXPECT_EQ(back.targets[0].name, "ST...");
    ASSERT_EQ(back.targets[0].elements.size(), 2u);
    EXPECT_EQ(back.targets[0].elements[0].address, 0x08000000u);
    EXPECT_EQ(back.targets[0].elements[0].data.size(), 16u);  // padded to 8 bytes
    EXPECT_EQ(back.targets[0].elements[0].data[8], 9);
    EXPECT_EQ(back.targets[0].elements[0].data[9], 0);
    EXPECT_EQ(back.targets[0].elements[1].address, 0x08020000u);
    EXPECT_EQ(back.vendor, 0x0483);
    EXPECT_EQ(back.product, 0xDF11);
    EXPECT_EQ(back.payload_size(), 24u);
}

TEST(DfuFile, UnnamedTargetsAndSeveralTargets) {
    DfuFile f = sample();
    f.targets.push_back(DfuTarget{1, "", {{0x1FFFC000, {0xAA, 0xBB}}}});
    f.vendor = 0xFFFF;
    DfuFile back = parse_dfu(write_dfu(f), "two.dfu");
    ASSERT_EQ(back.targets.size(), 2u);
    EXPECT_EQ(back.targets[1].alternate_setting, 1);
    EXPECT_EQ(back.targets[1].name, "");
    EXPECT_EQ(back.targets[1].elements[0].address, 0x1FFFC000u);
    EXPECT_EQ(back.vendor, 0xFFFF);
}

TEST(DfuFile, DamagedCrcIsNamed) {
    std::vector<std::uint8_t> bytes = write_dfu(sample());
    bytes[300] ^= 1;
    EXPECT_NE(error_of(bytes).find("CRC mismatch"), std::string::npos) << error_of(bytes);
}

// Re-seals a changed file with a good CRC, so that the field itself is what the reader rejects.
std::vector<std::uint8_t> resealed(std::vector<std::uint8_t> b) {
    std::uint32_t crc = dfu_crc32(std::span(b).first(b.size() - 4));
    for (int i = 0; i < 4; ++i) b[b.size() - 4 + i] = static_cast<std::uint8_t>(crc >> (8 * i));
    return b;
}

TEST(DfuFile, EachBadFieldIsNamedWithItsOffset) {
    const std::vector<std::uint8_t> good = write_dfu(sample());
    auto changed = [&](std::size_t at, std::uint8_t v) {
        auto b = good;
        b[at] = v;
        return error_of(resealed(b));
    };
    EXPECT_NE(changed(0, 'X').find("offset 0: no DfuSe prefix"), std::string::npos);
    EXPECT_NE(changed(5, 2).find("DfuSe prefix version 2"), std::string::npos);
    EXPECT_NE(changed(6, 0).find("the prefix gives an image of"), std::string::npos);
    EXPECT_NE(changed(10, 0).find("no targets"), std::string::npos);
    EXPECT_NE(changed(11, 't').find("offset 11: target 0 does not start with 'Target'"), std::string::npos);
    // The element count says 3: the third element's header runs past the target.
    EXPECT_NE(changed(11 + 270, 3).find("target 0 element 2's header runs past"), std::string::npos)
        << changed(11 + 270, 3);
    // The first element claims more bytes than the target holds.
    EXPECT_NE(changed(11 + 274 + 4, 200).find("element 0 (200 bytes at 0x08000000) runs past"), std::string::npos)
        << changed(11 + 274 + 4, 200);
    std::size_t bcd = good.size() - 16 + 6;
    EXPECT_NE(changed(bcd, 0x00).find("a plain DFU 1.1 file"), std::string::npos) << changed(bcd, 0);
}

TEST(DfuFile, TruncatedAndForeignFilesAreRefused) {
    EXPECT_NE(error_of({1, 2, 3}).find("too short"), std::string::npos);
    std::vector<std::uint8_t> text(100, 'x');
    EXPECT_NE(error_of(text).find("no DFU suffix"), std::string::npos);
    auto good = write_dfu(sample());
    std::vector<std::uint8_t> cut(good.begin() + 20, good.end());
    EXPECT_NE(error_of(cut).find("fw.dfu: offset"), std::string::npos);
}

}  // namespace
}  // namespace mpy::flash
