// Arbitrary-precision integers: constant folding in the compiler, long ints in mpytool's freezer.
//
// MicroPython folds integer expressions with its own multi-precision ints (mpz), so results like
// 2**100 or 1 << 70 become constants of any size.  This is a small sign-magnitude big integer with
// Python semantics (floor division, two's-complement bitwise operators) -- only what folding and
// literal parsing need, not a general library.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mpy {

class BigInt {
public:
    BigInt() = default;
    explicit BigInt(int64_t v);

    // `digits` are digit characters of `base` (2..36), no sign or prefix; nullopt if empty or a
    // character is not a digit of the base.
    static std::optional<BigInt> from_digits(std::string_view digits, int base);

    bool is_zero() const { return mag_.empty(); }
    bool is_negative() const { return neg_; }
    // Number of bits of the magnitude (0 for zero).
    uint64_t bit_length() const;
    // The magnitude as digits of `bits` bits (1..64), least significant first, without leading
    // zero digits (empty for zero): the layout of MicroPython's mpz, for freezing long ints.
    std::vector<uint64_t> magnitude_digits(unsigned bits) const;
    bool fits_int64() const;
    int64_t to_int64() const;  // only when fits_int64()
    // True when -2^(bits-1) <= value < 2^(bits-1).
    bool fits_signed_bits(int bits) const;
    std::string to_decimal() const;
    // The value as a double the way MicroPython's mpz_as_float computes it (Horner's rule over
    // 32-bit digits, rounding at every step) -- not always the correctly rounded value.
    double to_double_like_mpz() const;

    BigInt operator-() const;
    friend BigInt operator+(const BigInt& a, const BigInt& b);
    friend BigInt operator-(const BigInt& a, const BigInt& b);
    friend BigInt operator*(const BigInt& a, const BigInt& b);
    // Floor division and modulo with Python semantics; the divisor must not be zero.
    static void floor_divmod(const BigInt& a, const BigInt& b, BigInt* quotient, BigInt* remainder);
    BigInt pow(uint64_t exponent) const;
    BigInt shifted_left(uint64_t n) const;
    BigInt shifted_right(uint64_t n) const;  // floor(a / 2^n)
    BigInt bit_and(const BigInt& b) const;
    BigInt bit_or(const BigInt& b) const;
    BigInt bit_xor(const BigInt& b) const;
    BigInt bit_invert() const;  // -a - 1

    friend bool operator==(const BigInt& a, const BigInt& b) { return a.neg_ == b.neg_ && a.mag_ == b.mag_; }
    int compare(const BigInt& b) const;

private:
    using Mag = std::vector<uint32_t>;  // little-endian 32-bit limbs, no leading zero limbs
    static void trim(Mag& m);
    static int compare_mag(const Mag& a, const Mag& b);
    static Mag add_mag(const Mag& a, const Mag& b);
    static Mag sub_mag(const Mag& a, const Mag& b);  // requires a >= b
    static Mag mul_mag(const Mag& a, const Mag& b);
    static void divmod_mag(const Mag& a, const Mag& b, Mag* q, Mag* r);
    static BigInt make(bool neg, Mag mag);
    // Two's complement in `limbs` limbs (enough to hold the value with a sign bit).
    Mag to_twos(size_t limbs) const;
    static BigInt from_twos(Mag m);
    template <class Op> BigInt bitwise(const BigInt& b, Op op) const;

    bool neg_ = false;
    Mag mag_;
};

}  // namespace mpy
