// The ROMFS image writer, checked against images worked out by hand from the format (the
// record layout in remote/romfs/romfs_image.h); tests/compat/romfs_compare.sh compares whole
// images with mpremote's own.
#include <gtest/gtest.h>

#include <stdexcept>

#include "remote/romfs/romfs_image.h"

namespace mpy::romfs {
namespace {

std::string bytes(std::initializer_list<int> values) {
    std::string out;
    for (int v : values) out += static_cast<char>(v);
    return out;
}

TEST(RomfsImage, EncodesUnsignedIntegersMostSignificantGroupFirst) {
    EXPECT_EQ(encode_uint(0), bytes({0x00}));
    EXPECT_EQ(encode_uint(127), bytes({0x7f}));
    EXPECT_EQ(encode_uint(128), bytes({0x81, 0x00}));
    EXPECT_EQ(encode_uint(300), bytes({0x82, 0x2c}));
    EXPECT_EQ(encode_uint(16384), bytes({0x81, 0x80, 0x00}));
}

TEST(RomfsImage, EmptyImageIsHeaderAndZeroLength) {
    ImageWriter w;
    EXPECT_EQ(w.finish(), bytes({0xd2, 0xcd, 0x31, 0x00}));
}

TEST(RomfsImage, FileRecordHoldsNameAndVerbatimData) {
    ImageWriter w;
    w.add_file("a", "xy");
    // file(5) len 6: name-len 1 'a', data(2) len 2 'x' 'y'; 3 + 1 + 8 bytes: even, no padding.
    EXPECT_EQ(w.finish(), bytes({0xd2, 0xcd, 0x31, 0x08, 0x05, 0x06, 0x01, 'a', 0x02, 0x02, 'x', 'y'}));
}

TEST(RomfsImage, OddSizedImageGetsARedundantLengthByte) {
    ImageWriter w;
    w.add_file("a", "x");
    std::string image = w.finish();
    EXPECT_EQ(image, bytes({0xd2, 0xcd, 0x31, 0x80, 0x07, 0x05, 0x05, 0x01, 'a', 0x02, 0x01, 'x'}));
    EXPECT_EQ(image.size() % 2, 0u);
    EXPECT_EQ(declared_image_length(image), 7u);
}

TEST(RomfsImage, DirectoriesNestTheirRecords) {
    ImageWriter w;
    w.open_dir("d");
    w.add_file("f", "");
    w.close_dir();
    w.add_file("g", "1");
    // 17 bytes of records: 3 + 1 + 17 is odd, so the length gets its redundant 0x80.
    EXPECT_EQ(w.finish(), bytes({0xd2, 0xcd, 0x31, 0x80, 0x11,
                                 0x04, 0x08, 0x01, 'd', 0x05, 0x04, 0x01, 'f', 0x02, 0x00,          // d/f (empty)
                                 0x05, 0x05, 0x01, 'g', 0x02, 0x01, '1'}));                         // g
}

TEST(RomfsImage, LongDataUsesMultiByteLengths) {
    ImageWriter w;
    std::string data(200, 'z');
    w.add_file("big", data);
    std::string image = w.finish();
    // file payload: 1 + 3 + (1 + 2 + 200) = 207 = 0x81 0x4f; record = 1 + 2 + 207 = 210 = 0x81 0x52;
    // 3 + 2 + 210 is odd: a redundant 0x80 leads the length.
    EXPECT_EQ(image.substr(0, 14),
              bytes({0xd2, 0xcd, 0x31, 0x80, 0x81, 0x52, 0x05, 0x81, 0x4f, 0x03, 'b', 'i', 'g', 0x02}));
    EXPECT_EQ(image.substr(14, 2), bytes({0x81, 0x48}));  // 200
    EXPECT_EQ(image.substr(16), data);
    EXPECT_EQ(declared_image_length(image), 210u);
}

TEST(RomfsImage, WriterIsReusableAfterFinish) {
    ImageWriter w;
    w.add_file("a", "xy");
    w.finish();
    EXPECT_EQ(w.finish(), bytes({0xd2, 0xcd, 0x31, 0x00}));
}

TEST(RomfsImage, MisuseAndNonAsciiNamesAreRefused) {
    ImageWriter w;
    EXPECT_THROW(w.close_dir(), std::logic_error);
    w.open_dir("d");
    EXPECT_THROW(w.finish(), std::logic_error);
    EXPECT_THROW(w.add_file("caf\xc3\xa9", "x"), std::invalid_argument);
}

TEST(RomfsImage, DeclaredLengthReadsAsMpremoteQueryDoes) {
    EXPECT_EQ(declared_image_length(bytes({0xd2, 0xcd, 0x31, 0x00})), 0u);
    EXPECT_EQ(declared_image_length(bytes({0xd2, 0xcd, 0x31, 0x82, 0x2c, 0x05})), 300u);
    EXPECT_EQ(declared_image_length(bytes({0xd2, 0xcd, 0x31, 0x81})), 1u);  // cut short: what was read
    EXPECT_EQ(declared_image_length(bytes({0xff, 0xff, 0xff, 0xff})), std::nullopt);  // erased flash
    EXPECT_EQ(declared_image_length(bytes({0xd2, 0xcd})), std::nullopt);
}

}  // namespace
}  // namespace mpy::romfs
