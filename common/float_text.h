// The text mpy-cross stores for float and complex constants: MicroPython's repr() of the value.
//
// MicroPython 1.27 (as built for mpy-cross on a host with 80-bit long double) prints a float's
// repr by trying 16 significant digits and, while the text does not read back as the same double
// (read back with MicroPython's own decimal parser), one more digit, up to 19.  Both the digit
// generation and the read-back use long double scaling by powers of ten computed by repeated
// squaring, so the result can differ from C's printf/strtod in the last digit; this file follows
// MicroPython's arithmetic so the constant text is byte-identical.
//   5e-324      -> "4.940656458412465e-324"  (16 digits already read back exactly)
//   1.2345678901234568e17 -> "1.2345678901234568e+17"
//   1e15        -> "1000000000000000.0"      (fixed notation up to 16 integer digits)
//   1e-05       -> "1e-05"                   (exponent below -4)
#pragma once

#include <string>
#include <string_view>

namespace mpy {

// repr(float): "1.5", "0.1", "1e+100", "-0.0", "inf", "nan".
std::string float_repr(double value);

// repr(complex): "2j", "-0j", "(1+2j)", "(1.5-infj)".
std::string complex_repr(double real, double imag);

// MicroPython's decimal parser (the "exact" variant used on x86-64 hosts), the one behind float
// literals and the repr round-trip check: reads an unsigned decimal float ("123.45e-6", '_'
// allowed) from the start of `s` into *out, accumulating up to ~19 significant digits in a 64-bit
// mantissa and scaling by a power of ten computed in long double by repeated squaring.  Returns
// the number of characters read, or -1 when an exponent has no digits.
long parse_decimal_prefix(std::string_view s, double* out);

// The value of a whole decimal float text read by parse_decimal_prefix.  Exposed for tests.
double parse_decimal_like_micropython(const std::string& text);

}  // namespace mpy
