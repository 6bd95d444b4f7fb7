// The shared number utilities of common/ that more than one program uses: BigInt's mpz digit
// layout (mpytool's freezer) and MicroPython's decimal parser (float literals and repr's
// read-back in the compiler).
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "common/big_int.h"
#include "common/float_text.h"

namespace mpy {
namespace {

BigInt decimal(const char* digits) { return *BigInt::from_digits(digits, 10); }

TEST(BigIntMagnitudeDigits, ZeroHasNoDigits) { EXPECT_TRUE(BigInt().magnitude_digits(16).empty()); }

TEST(BigIntMagnitudeDigits, SplitsIntoDigitsOfTheGivenWidthLeastSignificantFirst) {
    // 2**40 + 5 = 0x100_0000_0005
    EXPECT_EQ(decimal("1099511627781").magnitude_digits(16), (std::vector<std::uint64_t>{5, 0, 0x100}));
    EXPECT_EQ(decimal("1099511627781").magnitude_digits(32), (std::vector<std::uint64_t>{5, 0x100}));
    // A 15-bit digit width does not line up with the 32-bit limbs: 2**30 = 1 << (2 * 15).
    EXPECT_EQ(decimal("1073741824").magnitude_digits(15), (std::vector<std::uint64_t>{0, 0, 1}));
}

TEST(BigIntMagnitudeDigits, IgnoresTheSign) {
    EXPECT_EQ((-decimal("65537")).magnitude_digits(16), (std::vector<std::uint64_t>{1, 1}));
}

TEST(ParseDecimalPrefix, ReadsTheNumberAndSaysHowFarItRead) {
    double value = 0;
    EXPECT_EQ(parse_decimal_prefix("12_5e-1j", &value), 7);  // stops at the 'j'
    EXPECT_EQ(value, 12.5);
    EXPECT_EQ(parse_decimal_prefix("0.50", &value), 4);
    EXPECT_EQ(value, 0.5);
}

TEST(ParseDecimalPrefix, AnExponentWithoutDigitsIsAnError) {
    double value = 0;
    EXPECT_EQ(parse_decimal_prefix("1e+", &value), -1);
    EXPECT_EQ(parse_decimal_prefix("1e", &value), -1);
}

TEST(ParseDecimalPrefix, TheReprReadBackUsesTheSameParser) {
    double value = 0;
    parse_decimal_prefix("4.940656458412465e-324", &value);
    EXPECT_EQ(parse_decimal_like_micropython("4.940656458412465e-324"), value);
    EXPECT_GT(value, 0.0);
}

}  // namespace
}  // namespace mpy
