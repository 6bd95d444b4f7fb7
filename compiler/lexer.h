// The lexer: MicroPython 1.27 source text -> tokens, one at a time.
//
// It reproduces mpy-cross's tokeniser exactly, quirks included, because the tokens decide what
// is accepted, where errors are reported and which strings become constants:
//  * CR and CR LF become LF; a missing final newline is added; an empty file reads as "\n".
//  * Columns count bytes, a tab advancing to the next multiple of 8; indentation is the column
//    of a line's first token.  NEWLINE carries the line where the logical line ended, INDENT and
//    DEDENT the line of the next token.
//  * Adjacent string literals (of the same kind, str or bytes) are joined into one token.
//  * An f-string is lexed as a plain string whose replacement fields are emptied ('{!r:>{}}'),
//    and the text of the fields is injected back into the character stream as ".format((a),(b),)"
//    once the string token has been consumed: the parser just sees a method call.
//  * Number tokens keep their text; the parser converts them (and reports bad ones) when it uses
//    them, exactly when MicroPython does.
//
// Tokens are produced lazily, one ahead of nothing: `advance()` lexes the next token only when
// the parser consumes the current one, so lexing errors surface at the same moment as in
// MicroPython (e.g. a later "\N{...}" escape does not pre-empt an earlier syntax error).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/token.h"

namespace mpy {

class Lexer {
public:
    // `optimize_level` is mpy-cross's -O level: `__debug__` lexes as True at level 0, else False.
    // Lexes the first token; may throw DiagnosticError (see advance()).
    Lexer(std::string_view source, std::string filename, int optimize_level = 0);

    const Token& token() const { return tok_; }

    // Moves to the next token.  Throws DiagnosticError for the lexing errors MicroPython raises
    // directly (NotImplementedError "unicode name escapes"); all other problems become error
    // tokens that the parser reports.
    void advance();

    const std::string& filename() const { return filename_; }

private:
    using Char = uint32_t;  // a byte, or kEof; bytes injected from f-strings are sign-extended
    static constexpr Char kEof = 0xFFFFFFFFu;

    Char read_source_byte();
    void next_char();
    bool is(Char c) const { return c0_ == c; }
    bool at_end() const { return c0_ == kEof; }

    bool skip_whitespace(bool stop_at_newline);
    void lex_token();
    void lex_newline_and_indent();
    void lex_strings();
    void lex_string_body(bool is_raw, bool is_fstring);
    void lex_fstring_field();
    void lex_escape(bool is_raw);
    bool read_hex_digits(int count, uint32_t* value);
    void lex_name();
    void lex_number();
    void lex_operator();
    bool at_string_start() const;
    void add_code_point(uint32_t cp);

    std::string_view src_;
    size_t src_pos_ = 0;
    std::string filename_;
    int optimize_level_;

    // The three-character window, and the window saved while f-string arguments are injected.
    Char c0_ = 0, c1_ = 0, c2_ = 0;
    Char saved0_ = 0, saved1_ = 0, saved2_ = 0;
    std::string fstring_args_;   // ".format((a),(b),)" being collected or injected
    size_t fstring_args_idx_ = 0;  // 0 = collecting (or idle); >0 = injecting from this index

    int line_ = 1;
    int column_ = -2;  // the window is primed with three dummy characters
    int64_t emit_dent_ = 0;  // pending INDENT (>0) or DEDENT (<0) tokens
    int64_t bracket_depth_ = 0;  // newlines inside brackets are not tokens
    std::vector<uint16_t> indents_{0};  // 16-bit like MicroPython's indentation stack

    Token tok_;
};

}  // namespace mpy
