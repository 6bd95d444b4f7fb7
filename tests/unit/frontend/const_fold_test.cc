// Constant arithmetic: big integers, number literals and operator folding with MicroPython's
// results (values checked with mpy-cross 1.27 / Python).
#include "compiler/frontend/const_fold.h"

#include <gtest/gtest.h>

#include <cmath>

#include "common/diagnostics.h"

namespace mpy {
namespace {

BigInt big(const std::string& decimal) {
    bool neg = !decimal.empty() && decimal[0] == '-';
    BigInt v = *BigInt::from_digits(neg ? decimal.substr(1) : decimal, 10);
    return neg ? -v : v;
}

FoldNumber num(const std::string& decimal) {
    FoldNumber n;
    n.i = big(decimal);
    return n;
}

FoldNumber flt(double d) {
    FoldNumber n;
    n.is_float = true;
    n.f = d;
    return n;
}

std::string int_result(ast::BinaryOp op, const std::string& a, const std::string& b) {
    auto r = fold_binary(op, num(a), num(b));
    if (!r) return "no fold";
    if (r->is_float) return "float " + std::to_string(r->f);
    return r->i.to_decimal();
}

TEST(FrontendBigInt, ArithmeticMatchesPython) {
    EXPECT_EQ((big("123456789012345678901234567890") * big("987654321098765432109876543210")).to_decimal(),
              "121932631137021795226185032733622923332237463801111263526900");
    EXPECT_EQ((big("1") - big("100000000000000000000")).to_decimal(), "-99999999999999999999");
    EXPECT_EQ(big("2").pow(200).to_decimal(), "1606938044258990275541962092341162602522202993782792835301376");
    BigInt q, r;
    BigInt::floor_divmod(big("-100000000000000000000007"), big("12345678901"), &q, &r);
    EXPECT_EQ(q.to_decimal(), "-8100000073054");
    EXPECT_EQ(r.to_decimal(), "1226433647");
    BigInt::floor_divmod(big("340282366920938463463374607431768211456"), big("18446744073709551617"), &q, &r);
    EXPECT_EQ(q.to_decimal(), "18446744073709551615");
    EXPECT_EQ(r.to_decimal(), "1");
    EXPECT_EQ(big("-1").shifted_right(100).to_decimal(), "-1");
    EXPECT_EQ(big("-5").shifted_right(1).to_decimal(), "-3");
    EXPECT_EQ(big("-5").bit_xor(BigInt(1).shifted_left(80)).to_decimal(), "-1208925819614629174706181");
    EXPECT_EQ(big("-6").bit_and(big("-4")).to_decimal(), "-8");
    EXPECT_EQ(big("5").bit_invert().to_decimal(), "-6");
}

TEST(FrontendBigInt, RangeChecks) {
    EXPECT_TRUE(big("1073741823").fits_signed_bits(31));
    EXPECT_FALSE(big("1073741824").fits_signed_bits(31));
    EXPECT_TRUE(big("-1073741824").fits_signed_bits(31));
    EXPECT_FALSE(big("-1073741825").fits_signed_bits(31));
    EXPECT_TRUE(big("-9223372036854775808").fits_int64());
    EXPECT_FALSE(big("9223372036854775808").fits_int64());
    EXPECT_EQ(big("-9223372036854775808").to_int64(), INT64_MIN);
}

TEST(FrontendFold, IntegerOperators) {
    using B = ast::BinaryOp;
    EXPECT_EQ(int_result(B::FloorDiv, "7", "-2"), "-4");
    EXPECT_EQ(int_result(B::Mod, "-7", "2"), "1");
    EXPECT_EQ(int_result(B::Pow, "10", "20"), "100000000000000000000");
    EXPECT_EQ(int_result(B::LShift, "1", "100"), "1267650600228229401496703205376");
    EXPECT_EQ(int_result(B::RShift, "-1", "1000"), "-1");
    EXPECT_EQ(int_result(B::FloorDiv, "1", "0"), "no fold");
    EXPECT_EQ(int_result(B::Mod, "1", "0"), "no fold");
    EXPECT_EQ(int_result(B::LShift, "1", "-1"), "no fold");
    EXPECT_EQ(int_result(B::MatMult, "1", "2"), "no fold");
    EXPECT_EQ(int_result(B::RShift, "1", "1180591620717411303424"), "no fold");  // shift count overflows
    EXPECT_EQ(int_result(B::Pow, "2", "100000000"), "no fold");                  // result too big
    EXPECT_EQ(int_result(B::Pow, "-1", "100000000001"), "-1");
}

TEST(FrontendFold, FloatOperators) {
    using B = ast::BinaryOp;
    EXPECT_EQ(fold_binary(B::Div, num("1"), num("2"))->f, 0.5);
    EXPECT_EQ(fold_binary(B::Pow, num("2"), num("-2"))->f, 0.25);
    EXPECT_FALSE(fold_binary(B::Pow, num("0"), num("-1")));               // ZeroDivisionError
    EXPECT_FALSE(fold_binary(B::Pow, flt(-8), flt(1.0 / 3)));             // complex result
    EXPECT_EQ(fold_binary(B::FloorDiv, flt(-7.5), num("2"))->f, -4.0);
    EXPECT_EQ(fold_binary(B::Mod, flt(7.5), num("-2"))->f, -0.5);
    EXPECT_TRUE(std::signbit(fold_binary(B::Mod, flt(-4.0), num("2"))->f) == false);
    EXPECT_TRUE(std::signbit(fold_binary(B::FloorDiv, flt(-0.0), num("1"))->f));
    EXPECT_FALSE(fold_binary(B::BitOr, flt(1), num("1")));
    EXPECT_TRUE(std::isinf(fold_binary(B::Mult, flt(1e300), flt(1e300))->f));
    // Ints beyond 2**62 convert to float digit by digit, like MicroPython's mpz.
    EXPECT_EQ(fold_binary(B::Div, num("18446744073709551615"), num("1"))->f, 18446744073709551616.0);
}

TEST(FrontendFold, Unary) {
    EXPECT_EQ(fold_unary(ast::UnaryOpKind::Minus, num("5"))->i.to_decimal(), "-5");
    EXPECT_EQ(fold_unary(ast::UnaryOpKind::Invert, num("-1"))->i.to_decimal(), "0");
    EXPECT_FALSE(fold_unary(ast::UnaryOpKind::Invert, flt(1.5)));
    EXPECT_EQ(fold_unary(ast::UnaryOpKind::Minus, flt(1.5))->f, -1.5);
}

// The host representation (small int vs mpz on mpy-cross's 64-bit host) follows MicroPython's
// runtime: unary ops keep an mpz operand's representation, binary ops normalise.
TEST(FrontendFold, HostRepresentationOfResults) {
    using ast::UnaryOpKind;
    const FoldNumber two62 = num("4611686018427387904");  // 2**62: an mpz on the host
    EXPECT_FALSE(host_small_int(two62));
    auto neg = fold_unary(UnaryOpKind::Minus, two62);
    ASSERT_TRUE(neg);
    EXPECT_EQ(neg->i.to_decimal(), "-4611686018427387904");
    EXPECT_FALSE(host_small_int(*neg));
    EXPECT_FALSE(host_small_int(*fold_unary(UnaryOpKind::Plus, *neg)));
    auto inv = fold_unary(UnaryOpKind::Invert, *neg);
    EXPECT_EQ(inv->i.to_decimal(), "4611686018427387903");
    EXPECT_FALSE(host_small_int(*inv));
    auto sum = fold_binary(ast::BinaryOp::Add, *neg, num("0"));
    EXPECT_EQ(sum->i.to_decimal(), "-4611686018427387904");
    EXPECT_TRUE(host_small_int(*sum));
    EXPECT_TRUE(host_small_int(*fold_unary(UnaryOpKind::Invert, num("4611686018427387903"))));
    // -(-2**62) leaves the host's small range even from a small int.
    EXPECT_FALSE(host_small_int(*fold_unary(UnaryOpKind::Minus, num("-4611686018427387904"))));

    // The ConstValue keeps the distinction (a non-leaf that fits the target was an mpz).
    ast::ConstValue obj = to_const_value(*neg, 63);
    EXPECT_FALSE(obj.small_int);
    EXPECT_FALSE(host_small_int(*as_fold_number(obj, 63)));
    ast::ConstValue leaf = to_const_value(*sum, 63);
    EXPECT_TRUE(leaf.small_int);
    EXPECT_TRUE(host_small_int(*as_fold_number(leaf, 63)));
    EXPECT_FALSE(to_const_value(*sum, 31).small_int);
    EXPECT_TRUE(host_small_int(*as_fold_number(to_const_value(num("1099511627776"), 31), 31)));
}

TEST(FrontendFold, IntegerLiterals) {
    EXPECT_EQ(parse_int_literal("0x1F", "t.py", 1).to_decimal(), "31");
    EXPECT_EQ(parse_int_literal("0o17", "t.py", 1).to_decimal(), "15");
    EXPECT_EQ(parse_int_literal("0B101", "t.py", 1).to_decimal(), "5");
    EXPECT_EQ(parse_int_literal("00", "t.py", 1).to_decimal(), "0");
    EXPECT_EQ(parse_int_literal("0x1e5", "t.py", 1).to_decimal(), "485");
    EXPECT_EQ(parse_int_literal("123456789012345678901234567890", "t.py", 1).to_decimal(), "123456789012345678901234567890");
    try {
        parse_int_literal("0b12", "t.py", 7);
        FAIL();
    } catch (const DiagnosticError& e) {
        EXPECT_EQ(e.diagnostic().kind, "SyntaxError");
        EXPECT_EQ(e.diagnostic().message, "invalid syntax for integer with base 2: '12'");
        EXPECT_EQ(e.diagnostic().where.line, 7);
    }
}

TEST(FrontendFold, FloatLiterals) {
    auto value = [](const char* text) { return parse_float_literal(text, "t.py", 1).real; };
    EXPECT_EQ(value("1.5"), 1.5);
    EXPECT_EQ(value(".5"), 0.5);
    EXPECT_EQ(value("1e10"), 1e10);
    EXPECT_EQ(value("1.7976931348623157e308"), 1.7976931348623157e308);
    EXPECT_TRUE(std::isinf(value("1.7976931348623159e308")));
    EXPECT_EQ(value("4.9e-324"), 4.9e-324);
    EXPECT_EQ(value("0.1"), 0.1);
    EXPECT_EQ(value("3.141592653589793238462643383279"), 3.141592653589793);
    ast::ConstValue imag = parse_float_literal("2j", "t.py", 1);
    EXPECT_EQ(imag.kind, ast::ConstValue::Kind::Complex);
    EXPECT_EQ(imag.imag, 2.0);
    EXPECT_THROW(parse_float_literal("1e", "t.py", 1), DiagnosticError);
    EXPECT_THROW(parse_float_literal("1.5.5", "t.py", 1), DiagnosticError);
    EXPECT_THROW(parse_float_literal("1.real", "t.py", 1), DiagnosticError);
}

}  // namespace
}  // namespace mpy
