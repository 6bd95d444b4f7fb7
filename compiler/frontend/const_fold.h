// Constant arithmetic: number literals and the folding of operators on constants.
//
// MicroPython's parser folds an operator whose operands are all int or float constants by
// running the runtime's own operator; if the operator raises (division by zero, negative shift,
// unsupported types) or the result is complex, the expression is left alone.  These functions
// reproduce those results, including MicroPython's float parsing and int-to-float conversions,
// so that the folded value (and thus the .mpy) is bit-identical.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "compiler/frontend/ast.h"
#include "common/big_int.h"

namespace mpy {

// A numeric constant while folding.
//
// mpy-cross folds with its own runtime on a 64-bit host, where an int is either a small int
// (value in [-2**62, 2**62)) or an mpz object.  The parser keeps a folded result as a small-int
// leaf only if the host result IS a small int (and fits the target), so the representation must
// be tracked, not just the value: unary -, ~ and + on an mpz give an mpz even when the value is
// back in the small range (-(2**62) stays an object), while binary ops normalise their result.
struct FoldNumber {
    bool is_float = false;
    BigInt i;      // when !is_float
    double f = 0;  // when is_float
    // When !is_float: the host holds `i` as an mpz although its value fits a host small int.
    // (Values outside the host's small range are mpz objects whatever this says.)
    bool host_mpz = false;
};

// True when the 64-bit host holds this int as a small int (not an mpz object).
bool host_small_int(const FoldNumber& n);

// Results bigger than this many bits are not folded (MicroPython folds until its 2 MB heap is
// exhausted, roughly 6 million bits; we stop earlier to keep compilation fast).
constexpr uint64_t kMaxFoldBits = 1u << 18;

// Converts an INTEGER token's text.  Throws DiagnosticError(SyntaxError, "invalid syntax for
// integer with base N: '...'") at `line` for malformed text, like mpy-cross.
BigInt parse_int_literal(std::string_view text, const std::string& file, int line);

// Converts a FLOAT_OR_IMAG token's text to a Float or (for a 'j' suffix) Complex ConstValue.
// Throws DiagnosticError(SyntaxError, "invalid syntax for number") for malformed text.
ast::ConstValue parse_float_literal(std::string_view text, const std::string& file, int line);

// The value of a Float/Int constant as a FoldNumber; nullopt for other kinds (folding only
// applies to ints and floats).  `small_int_bits` (the one the constant was made with) recovers
// the host representation: an int that fits the target but is not a small-int leaf was an mpz.
std::optional<FoldNumber> as_fold_number(const ast::ConstValue& v, int small_int_bits);

// The ConstValue of a folding result; ConstValue::small_int is set when the host result is a
// small int that also fits `small_int_bits`.
ast::ConstValue to_const_value(const FoldNumber& n, int small_int_bits);
// An int literal (a host small int whenever its value allows).
ast::ConstValue int_const_value(const BigInt& v, int small_int_bits);
ast::ConstValue float_const_value(double d);

// a <op> b, or nullopt when MicroPython would not fold it.
std::optional<FoldNumber> fold_binary(ast::BinaryOp op, const FoldNumber& a, const FoldNumber& b);

// +a, -a, ~a (ints only for ~), or nullopt.
std::optional<FoldNumber> fold_unary(ast::UnaryOpKind op, const FoldNumber& a);

// Python repr-free truth value of a constant (same as ConstValue::is_true).
inline bool const_is_true(const ast::ConstValue& v) { return v.is_true(); }

}  // namespace mpy
