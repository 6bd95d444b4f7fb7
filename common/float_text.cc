#include "common/float_text.h"

#include <climits>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace mpy {
namespace {

// MicroPython formats and parses doubles through the next wider type.
using Wide = long double;

constexpr int kFirstDigits = 16;   // digits tried first (always exact enough for most values)
constexpr int kMaxDigits = 19;     // a 64-bit decimal mantissa; never checked
constexpr int kMaxFixedExponent = 16;  // from 1e16 on, repr switches to exponent notation
constexpr int kMinFixedExponent = -4;  // below 1e-4 likewise
// The parser stops accumulating digits once the mantissa reaches this (more would overflow).
constexpr std::uint64_t kParseMantissaLimit = 0x1999999999999998ULL;

// value * 10**exp10, with the power built by repeated squaring in Wide arithmetic.  The order of
// operations matters for the last bit, which decides the repr's last digit.
Wide scale_by_power_of_ten(Wide value, int exp10) {
    if (exp10 == 0 || value == 0) return value;
    const bool divide = exp10 < 0;
    unsigned n = divide ? static_cast<unsigned>(-exp10) : static_cast<unsigned>(exp10);
    Wide power = 10;
    while (n != 0) {
        if (n & 1) value = divide ? value / power : value * power;
        n >>= 1;
        if (n != 0) power *= power;
    }
    return value;
}

// The unbiased binary exponent field (denormals report -1023).
int binary_exponent(double f) {
    std::uint64_t bits;
    std::memcpy(&bits, &f, sizeof bits);
    return static_cast<int>((bits >> 52) & 0x7ff) - 1023;
}

// floor(log10(f)) for f > 0, found the way MicroPython finds it: an estimate from the binary
// exponent, then stepping while the power of ten (rounded to double) says otherwise.
int decimal_exponent(double f) {
    int e = static_cast<int>(binary_exponent(f) * 0.3010299956639812);
    const bool at_least_one = !(f < 1.0);
    auto bound = [&](int k) { return static_cast<double>(scale_by_power_of_ten(1.0L, k)); };
    if (at_least_one) {
        while (f >= bound(e + 1)) ++e;
    } else {
        while (!(f >= bound(e))) --e;
    }
    return e;
}

std::uint64_t power_of_ten(int n) {
    std::uint64_t p = 1;
    while (n-- > 0) p *= 10;
    return p;
}

// Renders a decimal mantissa of `num_digits` digits meaning d.ddd * 10**e in repr's 'g' style:
// fixed notation for -4 <= e < 16, else d.ddde+XX; trailing zeros after the point removed.
// `pad_zeros` zeros are appended after the digits before trimming (they only matter when the
// point falls after them, i.e. never change the value).
std::string render_general(std::uint64_t mantissa, std::uint64_t cap, int num_digits,
                           int pad_zeros, int e) {
    // Rounding may have carried into one more digit than asked for.
    if (mantissa != 0 && mantissa >= cap) {
        mantissa /= 10;
        ++e;
    }
    std::string out;
    constexpr int kNoPoint = 255;  // the digits carry no point (a "0.00" prefix already has it)
    int point_after = 0;           // index of the digit followed by the point
    bool has_point = false;
    if (e > 0 && e < kMaxFixedExponent) {
        point_after = e;
        if (point_after >= num_digits) pad_zeros = point_after - (num_digits - 1);
        e = 0;
    } else if (e < 0 && e >= kMinFixedExponent) {
        // 0.00ddd: drop mantissa zeros the leading zeros make redundant.
        int dropped = 0;
        while (e < 0 && mantissa % 10 == 0) {
            mantissa /= 10;
            ++dropped;
            ++e;
        }
        num_digits -= dropped;
        out = "0.";
        out.append(static_cast<std::size_t>(dropped - e - 1), '0');
        point_after = kNoPoint;
        has_point = true;
        e = 0;
    }

    std::string digits(static_cast<std::size_t>(num_digits), '0');
    for (int i = num_digits - 1; i >= 0; --i) {
        digits[static_cast<std::size_t>(i)] = static_cast<char>('0' + mantissa % 10);
        mantissa /= 10;
    }
    if (point_after + 1 < num_digits) {
        digits.insert(static_cast<std::size_t>(point_after + 1), 1, '.');
        has_point = true;
    }
    out += digits;

    // Padding zeros, with the point placed among them if it falls there.
    int until_point = point_after - (num_digits - 1);
    for (int i = 0; i < pad_zeros; ++i) {
        if (until_point-- == 0) {
            out += '.';
            has_point = true;
        }
        out += '0';
    }
    if (has_point) {
        while (!out.empty() && out.back() == '0') out.pop_back();
        if (!out.empty() && out.back() == '.') out.pop_back();
    }

    if (e != 0) {
        out += 'e';
        out += e >= 0 ? '+' : '-';
        int a = e >= 0 ? e : -e;
        if (a >= 100) out += static_cast<char>('0' + a / 100);
        out += static_cast<char>('0' + (a / 10) % 10);
        out += static_cast<char>('0' + a % 10);
    }
    return out;
}

// repr of a non-negative finite double, without sign.
std::string format_magnitude(double f) {
    const int e = f == 0 ? 0 : decimal_exponent(f);
    for (int digits = kFirstDigits;; ++digits) {
        const int scale = f == 0 ? 0 : digits - e - 1;
        const Wide scaled = scale_by_power_of_ten(static_cast<Wide>(f), scale);
        const auto mantissa = static_cast<std::uint64_t>(scaled + 0.5L);
        std::string text =
            render_general(mantissa, power_of_ten(digits), digits, kMaxDigits - digits, e);
        if (digits == kMaxDigits || parse_decimal_like_micropython(text) == f) return text;
    }
}

// The number with its sign: '-' for negative values (not NaN), else `positive_sign` if not 0.
std::string format_signed(double v, char positive_sign) {
    std::string out;
    if (std::signbit(v) && !std::isnan(v)) {
        out += '-';
        v = -v;
    } else if (positive_sign != '\0') {
        out += positive_sign;
    }
    if (std::isinf(v)) return out + "inf";
    if (std::isnan(v)) return out + "nan";
    return out + format_magnitude(v);
}

}  // namespace

long parse_decimal_prefix(std::string_view s, double* out) {
    enum { kInt, kFrac, kExp } in = kInt;
    constexpr std::uint64_t kMantissaMax = kParseMantissaLimit;
    bool exp_neg = false;
    std::uint64_t mantissa = 0;
    int exp_val = 0;
    int exp_extra = 0;
    int zeros_int = 0;
    int zeros_frac = 0;
    auto accept = [&](unsigned dig, bool frac_part) {
        if (mantissa < kMantissaMax) {
            if (frac_part) --exp_extra;
            mantissa = 10 * mantissa + dig;
        } else if (!frac_part) {
            ++exp_extra;
        }
    };
    size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i++]);
        if (c >= '0' && c <= '9') {
            unsigned dig = c - '0';
            if (in == kExp) {
                if (exp_val < (INT_MAX / 2 - 9) / 10) exp_val = 10 * exp_val + static_cast<int>(dig);
            } else if (dig == 0 || mantissa >= kMantissaMax) {
                // Zeros (and digits beyond the precision) are deferred: trailing ones are dropped.
                if (in == kInt) {
                    ++zeros_int;
                } else {
                    ++zeros_frac;
                }
            } else {
                for (; zeros_int > 0; --zeros_int) accept(0, false);
                for (; zeros_frac > 0; --zeros_frac) accept(0, true);
                accept(dig, in == kFrac);
            }
        } else if (in == kInt && c == '.') {
            in = kFrac;
        } else if (in != kExp && (c | 0x20) == 'e') {
            in = kExp;
            if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
                exp_neg = s[i] == '-';
                ++i;
            }
            if (i == s.size()) return -1;
        } else if (c == '_') {
            continue;
        } else {
            --i;
            break;
        }
    }
    if (exp_neg) exp_val = -exp_val;
    exp_val += exp_extra + zeros_int;

    const Wide value = scale_by_power_of_ten(static_cast<Wide>(mantissa), exp_val);
    *out = static_cast<double>(value);
    return static_cast<long>(i);
}

double parse_decimal_like_micropython(const std::string& text) {
    double value = 0;
    parse_decimal_prefix(text, &value);
    return value;
}

std::string float_repr(double value) {
    std::string s = format_signed(value, '\0');
    // A float always shows it is one: "1.0", not "1" (inf and nan excepted).
    if (s.find_first_of(".en") == std::string::npos) s += ".0";
    return s;
}

std::string complex_repr(double real, double imag) {
    if (real != 0) {
        return "(" + format_signed(real, '\0') + format_signed(imag, '+') + "j)";
    }
    return format_signed(imag, '\0') + "j";
}

}  // namespace mpy
