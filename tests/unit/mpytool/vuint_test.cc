// The vuint encoding of .mpy files and bytecode arguments.
#include <gtest/gtest.h>

#include "common/vuint.h"

namespace mpy {
namespace {

std::vector<std::uint8_t> enc(std::uint64_t v) {
    std::vector<std::uint8_t> out;
    vuint::append(out, v);
    return out;
}

std::vector<std::uint8_t> enc_signed(std::int64_t v) {
    std::vector<std::uint8_t> out;
    vuint::append_signed(out, v);
    return out;
}

TEST(FormatVuint, EncodesMostSignificantGroupFirst) {
    EXPECT_EQ(enc(0), (std::vector<std::uint8_t>{0x00}));
    EXPECT_EQ(enc(127), (std::vector<std::uint8_t>{0x7f}));
    EXPECT_EQ(enc(128), (std::vector<std::uint8_t>{0x81, 0x00}));
    EXPECT_EQ(enc(300), (std::vector<std::uint8_t>{0x82, 0x2c}));
    EXPECT_EQ(enc(UINT64_MAX).size(), 10u);
    EXPECT_EQ(vuint::encoded_size(300), 2u);
    std::string s;
    vuint::append(s, 300);
    EXPECT_EQ(s, std::string("\x82\x2c"));
}

TEST(FormatVuint, DecodeRoundTripsAndReportsLength) {
    for (std::uint64_t v : std::initializer_list<std::uint64_t>{0, 1, 63, 64, 127, 128, 16383, 16384, 1ull << 35, UINT64_MAX}) {
        auto bytes = enc(v);
        bytes.push_back(0x55);  // trailing data must be left alone
        auto d = vuint::decode(bytes);
        ASSERT_TRUE(d) << v;
        EXPECT_EQ(d->value, v);
        EXPECT_EQ(d->length, bytes.size() - 1);
    }
}

TEST(FormatVuint, DecodeRejectsTruncatedAndOverlongInput) {
    std::vector<std::uint8_t> truncated{0x81, 0x80};
    EXPECT_FALSE(vuint::decode(truncated));
    EXPECT_FALSE(vuint::decode(std::vector<std::uint8_t>{}));
    std::vector<std::uint8_t> overlong(11, 0x80);
    overlong.push_back(0x01);
    EXPECT_FALSE(vuint::decode(overlong));
    // 2^64 needs 65 bits: ten groups whose first carries two significant bits.
    std::vector<std::uint8_t> too_big{0x82, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00};
    EXPECT_FALSE(vuint::decode(too_big));
}

TEST(FormatVuint, SignedEncodingMatchesMicroPython) {
    // Values checked against mpy-cross output of LOAD_CONST_SMALL_INT.
    EXPECT_EQ(enc_signed(100), (std::vector<std::uint8_t>{0x80, 0x64}));  // bit 6 set -> 0x80 prefix
    EXPECT_EQ(enc_signed(-100), (std::vector<std::uint8_t>{0xff, 0x1c}));
    EXPECT_EQ(enc_signed(63), (std::vector<std::uint8_t>{0x3f}));
    EXPECT_EQ(enc_signed(-64), (std::vector<std::uint8_t>{0x40}));
    EXPECT_EQ(enc_signed(-65), (std::vector<std::uint8_t>{0xff, 0x3f}));
    for (std::int64_t v : std::initializer_list<std::int64_t>{0, 1, -1, 63, 64, -64, -65, 1000000, -1000000, (1ll << 40), -(1ll << 40)}) {
        auto bytes = enc_signed(v);
        auto d = vuint::decode_signed(bytes);
        ASSERT_TRUE(d) << v;
        EXPECT_EQ(d->value, v);
        EXPECT_EQ(d->length, bytes.size());
    }
}

TEST(FormatVuint, FixedBufferEncodingRoundTrips) {
    // encode()/encode_signed() are what the bytecode emitter uses per instruction: check their
    // bytes decode back to the value, with the length encoded_size() predicts, at every 7-bit
    // group boundary (and either side of it), for both signs.
    for (int bits = 0; bits <= 64; ++bits) {
        for (std::int64_t delta : {-1, 0, 1}) {
            const std::uint64_t u = (bits == 64 ? 0 : (std::uint64_t{1} << bits)) + static_cast<std::uint64_t>(delta);
            const vuint::Encoded e = vuint::encode(u);
            EXPECT_EQ(e.size(), vuint::encoded_size(u)) << u;
            auto back = vuint::decode(std::span<const std::uint8_t>(e.data(), e.size()));
            ASSERT_TRUE(back.has_value()) << u;
            EXPECT_EQ(back->value, u);
            EXPECT_EQ(back->length, e.size());
            for (std::int64_t s : {static_cast<std::int64_t>(u), static_cast<std::int64_t>(0 - u)}) {  // C++20: modular
                const vuint::Encoded es = vuint::encode_signed(s);
                auto sback = vuint::decode_signed(std::span<const std::uint8_t>(es.data(), es.size()));
                ASSERT_TRUE(sback.has_value()) << s;
                EXPECT_EQ(sback->value, s);
                EXPECT_EQ(sback->length, es.size()) << s;
            }
        }
    }
    const vuint::Encoded min = vuint::encode_signed(INT64_MIN);
    auto back = vuint::decode_signed(std::span<const std::uint8_t>(min.data(), min.size()));
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->value, INT64_MIN);
}

}  // namespace
}  // namespace mpy
