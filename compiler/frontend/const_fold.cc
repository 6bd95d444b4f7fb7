// Constant arithmetic, reproducing MicroPython's runtime operators on int and float.
#include "compiler/frontend/const_fold.h"

#include <climits>
#include <cmath>
#include <cstdint>

#include "common/diagnostics.h"
#include "common/float_text.h"

namespace mpy {

namespace {

[[noreturn]] void syntax_error(const std::string& file, int line, std::string message) {
    throw DiagnosticError(Diagnostic{"SyntaxError", std::move(message), {file, line, 0}, {}});
}

bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Ints of magnitude below 2^62 are "small" on a 64-bit MicroPython host; its int-to-float
// conversion differs for them (a direct cast) and for bigger ones (digit-wise, see BigInt).
bool host_small(const BigInt& v) { return v.fits_signed_bits(63); }

double int_to_double(const BigInt& v) {
    return host_small(v) ? static_cast<double>(v.to_int64()) : v.to_double_like_mpz();
}

// CPython-compatible float floor division, as MicroPython computes it.
double float_floor_divide(double x, double y) {
    double mod = std::fmod(x, y);
    double div = (x - mod) / y;
    if (mod != 0.0 && ((mod < 0.0) != (y < 0.0))) div -= 1.0;
    if (div == 0.0) return std::copysign(0.0, x / y);
    double floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
    return floordiv;
}

std::optional<double> fold_float(ast::BinaryOp op, double a, double b) {
    using ast::BinaryOp;
    switch (op) {
        case BinaryOp::Add: return a + b;
        case BinaryOp::Sub: return a - b;
        case BinaryOp::Mult: return a * b;
        case BinaryOp::Div:
            if (b == 0) return std::nullopt;
            return a / b;
        case BinaryOp::FloorDiv:
            if (b == 0) return std::nullopt;
            return float_floor_divide(a, b);
        case BinaryOp::Mod: {
            if (b == 0) return std::nullopt;
            double m = std::fmod(a, b);
            if (m == 0.0) return std::copysign(0.0, b);
            if ((m < 0) != (b < 0)) m += b;
            return m;
        }
        case BinaryOp::Pow:
            if (a == 0 && b < 0 && !std::isinf(b)) return std::nullopt;  // ZeroDivisionError
            if (a < 0 && b != std::floor(b) && !std::isnan(b)) return std::nullopt;  // complex
            return std::pow(a, b);
        default:
            return std::nullopt;  // bitwise operators and @ are not defined on floats
    }
}

std::optional<FoldNumber> make_int(BigInt v) {
    if (v.bit_length() > kMaxFoldBits) return std::nullopt;
    FoldNumber n;
    n.i = std::move(v);
    return n;
}

std::optional<FoldNumber> make_float(std::optional<double> d) {
    if (!d) return std::nullopt;
    FoldNumber n;
    n.is_float = true;
    n.f = *d;
    return n;
}

std::optional<FoldNumber> fold_int(ast::BinaryOp op, const BigInt& a, const BigInt& b) {
    using ast::BinaryOp;
    switch (op) {
        case BinaryOp::BitOr: return make_int(a.bit_or(b));
        case BinaryOp::BitXor: return make_int(a.bit_xor(b));
        case BinaryOp::BitAnd: return make_int(a.bit_and(b));
        case BinaryOp::LShift:
        case BinaryOp::RShift: {
            // A shift count beyond the host's small ints overflows in MicroPython (no fold).
            if (b.is_negative() || !host_small(b)) return std::nullopt;
            uint64_t n = static_cast<uint64_t>(b.to_int64());
            if (op == BinaryOp::RShift) return make_int(a.shifted_right(n));
            if (!a.is_zero() && a.bit_length() + n > kMaxFoldBits) return std::nullopt;
            return make_int(a.shifted_left(n));
        }
        case BinaryOp::Add: return make_int(a + b);
        case BinaryOp::Sub: return make_int(a - b);
        case BinaryOp::Mult:
            if (a.bit_length() + b.bit_length() > kMaxFoldBits + 1) return std::nullopt;
            return make_int(a * b);
        case BinaryOp::FloorDiv:
        case BinaryOp::Mod: {
            if (b.is_zero()) return std::nullopt;
            BigInt q, r;
            BigInt::floor_divmod(a, b, &q, &r);
            return make_int(op == BinaryOp::FloorDiv ? q : r);
        }
        case BinaryOp::Div:
            if (b.is_zero()) return std::nullopt;
            return make_float(int_to_double(a) / int_to_double(b));
        case BinaryOp::Pow: {
            if (b.is_negative()) return make_float(fold_float(op, int_to_double(a), int_to_double(b)));
            bool trivial_base = a.is_zero() || a == BigInt(1) || a == BigInt(-1);
            if (!trivial_base) {
                if (!b.fits_int64()) return std::nullopt;
                uint64_t e = static_cast<uint64_t>(b.to_int64());
                if (e > kMaxFoldBits || (a.bit_length() - 1) * e > kMaxFoldBits) return std::nullopt;
                return make_int(a.pow(e));
            }
            if (a.is_zero()) return make_int(BigInt(b.is_zero() ? 1 : 0));
            if (a == BigInt(1)) return make_int(BigInt(1));
            // (-1) ** b
            BigInt q, r;
            BigInt::floor_divmod(b, BigInt(2), &q, &r);
            return make_int(BigInt(r.is_zero() ? 1 : -1));
        }
        case BinaryOp::MatMult:
            return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace

BigInt parse_int_literal(std::string_view text, const std::string& file, int line) {
    size_t i = 0;
    while (i < text.size() && is_space(static_cast<unsigned char>(text[i]))) ++i;
    bool negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
    // Base prefix: 0x/0o/0b; a leading 0 without one only allows more zeros ("base 0").
    int base = 10;
    std::string_view rest = text.substr(i);
    if (rest.size() > 1 && rest[0] == '0') {
        char p = static_cast<char>(rest[1] | 0x20);
        if (p == 'x' || p == 'o' || p == 'b') {
            base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
            i += 2;
        } else {
            base = 1;
        }
    }
    const size_t digits_start = i;
    std::string digits;
    for (; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        unsigned dig;
        if (c >= '0' && c <= '9') {
            dig = c - '0';
        } else if (c == '_') {
            continue;
        } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
            dig = (c | 0x20) - 'a' + 10;
        } else {
            break;
        }
        if (dig >= static_cast<unsigned>(base)) break;
        digits += static_cast<char>(c);
    }
    size_t end = i;
    while (end < text.size() && is_space(static_cast<unsigned char>(text[end]))) ++end;
    if (i == digits_start || end != text.size()) {
        syntax_error(file, line, "invalid syntax for integer with base " + std::to_string(base == 1 ? 0 : base) +
                                     ": '" + std::string(text.substr(digits_start)) + "'");
    }
    BigInt v = *BigInt::from_digits(digits, base == 1 ? 10 : base);
    return negative ? -v : v;
}

ast::ConstValue parse_float_literal(std::string_view text, const std::string& file, int line) {
    size_t i = 0;
    while (i < text.size() && is_space(static_cast<unsigned char>(text[i]))) ++i;
    bool negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
    const size_t start = i;
    double value = 0;
    long used = parse_decimal_prefix(text.substr(i), &value);
    if (used < 0) syntax_error(file, line, "invalid syntax for number");
    i += static_cast<size_t>(used);
    bool imaginary = false;
    if (i < text.size() && (text[i] | 0x20) == 'j') {
        if (i == start) value = 1;
        ++i;
        imaginary = true;
    }
    if (negative) value = -value;
    if (i == start) syntax_error(file, line, "invalid syntax for number");
    while (i < text.size() && is_space(static_cast<unsigned char>(text[i]))) ++i;
    if (i != text.size()) syntax_error(file, line, "invalid syntax for number");

    ast::ConstValue v;
    if (imaginary) {
        v.kind = ast::ConstValue::Kind::Complex;
        v.real = 0.0;
        v.imag = value;
    } else {
        v.kind = ast::ConstValue::Kind::Float;
        v.real = value;
    }
    return v;
}

namespace {

bool fits_target(const BigInt& v, int small_int_bits) {
    return small_int_bits >= 1 && v.fits_signed_bits(small_int_bits);
}

ast::ConstValue make_int_const_value(const BigInt& v, bool host_small_object, int small_int_bits) {
    ast::ConstValue c;
    c.kind = ast::ConstValue::Kind::Int;
    c.int_decimal = v.to_decimal();
    c.fits_int64 = v.fits_int64();
    c.int64 = c.fits_int64 ? v.to_int64() : 0;
    // A leaf needs a small int on the 64-bit host that also fits the target's.
    c.small_int = host_small_object && fits_target(v, small_int_bits);
    return c;
}

}  // namespace

bool host_small_int(const FoldNumber& n) { return !n.is_float && !n.host_mpz && host_small(n.i); }

std::optional<FoldNumber> as_fold_number(const ast::ConstValue& v, int small_int_bits) {
    using K = ast::ConstValue::Kind;
    FoldNumber n;
    if (v.kind == K::Float) {
        n.is_float = true;
        n.f = v.real;
        return n;
    }
    if (v.kind == K::Int) {
        auto parsed = BigInt::from_digits(v.int_decimal[0] == '-' ? std::string_view(v.int_decimal).substr(1)
                                                                   : std::string_view(v.int_decimal), 10);
        if (!parsed) return std::nullopt;
        n.i = v.int_decimal[0] == '-' ? -*parsed : *parsed;
        // Fits the target yet not a leaf: only an mpz host object does that.  (With fewer than
        // 63 target bits an in-range mpz never fits the target -- such values lie within a few
        // units of +-2**62 -- and then its representation changes nothing downstream.)
        n.host_mpz = !v.small_int && fits_target(n.i, small_int_bits);
        return n;
    }
    return std::nullopt;
}

ast::ConstValue int_const_value(const BigInt& v, int small_int_bits) {
    return make_int_const_value(v, host_small(v), small_int_bits);
}

ast::ConstValue float_const_value(double d) {
    ast::ConstValue c;
    c.kind = ast::ConstValue::Kind::Float;
    c.real = d;
    return c;
}

ast::ConstValue to_const_value(const FoldNumber& n, int small_int_bits) {
    return n.is_float ? float_const_value(n.f) : make_int_const_value(n.i, host_small_int(n), small_int_bits);
}

std::optional<FoldNumber> fold_binary(ast::BinaryOp op, const FoldNumber& a, const FoldNumber& b) {
    if (!a.is_float && !b.is_float) return fold_int(op, a.i, b.i);
    double x = a.is_float ? a.f : int_to_double(a.i);
    double y = b.is_float ? b.f : int_to_double(b.i);
    return make_float(fold_float(op, x, y));
}

// On the host, + returns its operand, and - and ~ on an mpz make a new mpz without normalising
// it; on a small int they give a small int unless the value leaves the small range.
std::optional<FoldNumber> fold_unary(ast::UnaryOpKind op, const FoldNumber& a) {
    using ast::UnaryOpKind;
    FoldNumber r = a;
    r.host_mpz = !a.is_float && !host_small_int(a);
    switch (op) {
        case UnaryOpKind::Plus:
            return r;
        case UnaryOpKind::Minus:
            if (a.is_float) {
                r.f = -a.f;
            } else {
                r.i = -a.i;
            }
            return r;
        case UnaryOpKind::Invert:
            if (a.is_float) return std::nullopt;
            r.i = a.i.bit_invert();
            return r;
        case UnaryOpKind::Not:
            return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace mpy
