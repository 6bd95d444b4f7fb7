// .uf2 files: the writer's blocks, the reader's checks, family IDs.
#include <gtest/gtest.h>

#include "remote/flash/flash_error.h"
#include "remote/flash/uf2_file.h"

namespace mpy::flash {
namespace {

constexpr std::uint32_t kRp2040 = 0xe48bff56;

std::string error_of(const std::vector<std::uint8_t>& bytes) {
    try {
        parse_uf2(bytes, "fw.uf2");
    } catch (const FlashError& e) {
        EXPECT_EQ(e.failure(), FlashFailure::bad_file);
        return e.diagnostic().message;
    }
    return "(no error)";
}

std::vector<std::uint8_t> image(std::size_t n) {
    std::vector<std::uint8_t> v(n);
    for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<std::uint8_t>(i * 13);
    return v;
}

TEST(Uf2File, WriterBlocksReadBack) {
    auto bytes = write_uf2(image(600), 0x10000000, kRp2040);
    ASSERT_EQ(bytes.size(), 3 * 512u);
    Uf2File f = parse_uf2(bytes, "fw.uf2");
    ASSERT_EQ(f.blocks.size(), 3u);
    EXPECT_EQ(f.blocks[1].address, 0x10000100u);
    EXPECT_EQ(f.blocks[2].block_no, 2u);
    EXPECT_EQ(f.blocks[2].block_count, 3u);
    EXPECT_EQ(f.blocks[2].payload.size(), 256u);
    EXPECT_EQ(f.blocks[2].payload[87], static_cast<std::uint8_t>(599 * 13));
    EXPECT_EQ(f.blocks[2].payload[88], 0);  // padding of the last block
    EXPECT_EQ(f.families(), std::set<std::uint32_t>{kRp2040});
    EXPECT_FALSE(f.has_blocks_without_family());
    EXPECT_EQ(describe_uf2_family(kRp2040), "RP2040 (0xe48bff56)");
}

TEST(Uf2File, WithoutFamilyTheFlagIsClear) {
    Uf2File f = parse_uf2(write_uf2(image(10), 0x2000, 0), "fw.uf2");
    EXPECT_EQ(f.blocks[0].flags, 0u);
    EXPECT_TRUE(f.families().empty());
    EXPECT_TRUE(f.has_blocks_without_family());
}

TEST(Uf2File, EachBadFieldIsNamed) {
    const auto good = write_uf2(image(1024), 0x10000000, kRp2040);
    auto changed = [&](std::size_t at, std::uint8_t v) {
        auto b = good;
        b[at] = v;
        return error_of(b);
    };
    EXPECT_NE(changed(512 + 0, 0).find("block 1 (offset 512): start magic numbers"), std::string::npos);
    EXPECT_NE(changed(1024 + 511, 0).find("block 2 (offset 1024): end magic number"), std::string::npos);
    EXPECT_NE(changed(17, 2).find("payload size 512 is over 476"), std::string::npos);
    EXPECT_NE(changed(20, 9).find("block number 9 is not below the block count 4"), std::string::npos);
    std::vector<std::uint8_t> cut(good.begin(), good.end() - 1);
    EXPECT_NE(error_of(cut).find("2047 bytes is not a whole number of 512-byte UF2 blocks"), std::string::npos);
    EXPECT_NE(error_of({}).find("empty file"), std::string::npos);
}

TEST(Uf2File, BlocksNotForMainFlashDoNotCountAsFamilies) {
    auto bytes = write_uf2(image(256), 0, 0x68ed2b88);
    bytes[8] |= 1;  // kUf2NotMainFlash
    Uf2File f = parse_uf2(bytes, "x.uf2");
    EXPECT_TRUE(f.families().empty());
    EXPECT_EQ(describe_uf2_family(0x12345678), "0x12345678");
}

}  // namespace
}  // namespace mpy::flash
