// ASCII character classes of the lexer (lexer.cc, lexer_strings.cc), as MicroPython's: bytes
// >= 0x80 and the end-of-input marker are in no class.
#pragma once

#include <cstdint>

namespace mpy::lexer_chars {

inline bool is_space(uint32_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
inline bool is_digit(uint32_t c) { return c >= '0' && c <= '9'; }
inline bool is_alpha(uint32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_xdigit(uint32_t c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
inline uint32_t xdigit_value(uint32_t c) { return is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10; }
inline bool is_quote(uint32_t c) { return c == '\'' || c == '"'; }

}  // namespace mpy::lexer_chars
