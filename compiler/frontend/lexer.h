// The lexer: MicroPython 1.27 / 1.28 source text -> tokens, one at a time.
//
// It reproduces mpy-cross's tokeniser exactly, quirks included, because the tokens decide what
// is accepted, where errors are reported and which strings become constants:
//  * CR and CR LF become LF; a missing final newline is added; an empty file reads as "\n".
//  * Columns count bytes, a tab advancing to the next multiple of 8; indentation is the column
//    of a line's first token.  NEWLINE carries the line where the logical line ended, INDENT and
//    DEDENT the line of the next token.
//  * Adjacent string literals (of the same kind, str or bytes) are joined into one token.
//  * An f-string is lexed as a plain string whose replacement fields are emptied ('{!r:>{}}'),
//    and the text of the fields is injected back into the character stream as ".format((a),(b),)":
//    the parser just sees a method call.  1.27 injects once the string token has been consumed,
//    reusing the collected text as the injection buffer (so an f-string nested in an f-string's
//    field misbehaves); 1.28 injects right after the token, into a buffer of its own that nested
//    f-strings insert into (so they work), and rejects an empty field as a malformed f-string.
//  * 1.28 only: a t-string (t'', rt'', tr'') is lexed as the NAME __template__ followed by the
//    injected arguments "(('str0','str1',),(expr),'expr',conversion,'spec',...)": its literal
//    parts become string literals that are lexed again (escapes are kept for that), each field
//    gives its value, its source text, its conversion ('r'/'s'/None) and its format spec (an
//    f-string when the spec has fields of its own).  See lexer_strings.cc.
//  * 1.28 reads a NUL byte in the source as the byte 0x01 (its end-of-input marker is NUL).
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

#include "common/compat_version.h"
#include "compiler/frontend/token.h"

namespace mpy {

struct LexerOptions {
    // mpy-cross's -O level: `__debug__` lexes as True at level 0, else False.
    int optimize_level = 0;
    // Which release's tokeniser to reproduce (t-strings, f-string injection, NUL bytes).
    CompatVersion compat = kDefaultCompat;
};

class Lexer {
public:
    // Lexes the first token; may throw DiagnosticError (see advance()).
    Lexer(std::string_view source, std::string filename, LexerOptions options = {});

    const Token& token() const { return tok_; }

    // Moves to the next token.  Throws DiagnosticError for the lexing errors MicroPython raises
    // directly (NotImplementedError "unicode name escapes"); all other problems become error
    // tokens that the parser reports.
    void advance();

    const std::string& filename() const { return filename_; }

private:
    using Char = uint32_t;  // a byte, or kEof; 1.27 sign-extends bytes injected from f-strings
    static constexpr Char kEof = 0xFFFFFFFFu;

    // What the prefix of one string literal says.
    struct StringPrefix {
        TokenKind kind = TokenKind::String;  // String or Bytes
        bool is_raw = false;
        bool is_fstring = false;
        bool is_tstring = false;  // 1.28
        int length = 0;
    };
    // Bookkeeping of one t-string literal while its body is lexed (lexer_strings.cc).
    struct TemplateState {
        size_t interpolations = 0;
        size_t spec_depth = 0;     // >0 while in a field's format spec: 1 + nested '{' levels
        size_t spec_start = 0;     // where the spec's text starts in tok_.text (at a '{')
        bool spec_has_fields = false;  // the spec had nested fields: it becomes an f-string
    };

    bool v128() const { return compat_ == CompatVersion::V1_28; }
    Char read_source_byte();
    void next_char();
    Char next_byte_127();
    Char next_byte_128();
    bool is(Char c) const { return c0_ == c; }
    bool at_end() const { return c0_ == kEof; }

    bool skip_whitespace(bool stop_at_newline);
    void lex_token();
    void lex_newline_and_indent();
    void lex_strings();
    StringPrefix read_string_prefix() const;
    void lex_string_body(const StringPrefix& prefix, Char quote, size_t num_quotes);
    void lex_fstring_field(const StringPrefix& prefix, Char quote, size_t num_quotes, TemplateState& tstate);
    void start_template_field(Char quote, size_t num_quotes, size_t expr_start, bool was_debug, TemplateState& tstate);
    void end_template_spec_brace(Char quote, TemplateState& tstate);
    void finish_template_literal(TemplateState& tstate);
    void finish_template_token();
    void inject_fstring_args_128();
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
    CompatVersion compat_;

    // The three-character window, and (1.27) the window saved while f-string arguments are injected.
    Char c0_ = 0, c1_ = 0, c2_ = 0;
    Char saved0_ = 0, saved1_ = 0, saved2_ = 0;
    // ".format((a),(b),)" being collected, and in 1.27 also while it is injected.
    std::string fstring_args_;
    size_t fstring_args_idx_ = 0;  // 1.27: 0 = collecting (or idle); >0 = injecting from this index
    // 1.28: the bytes being injected (arguments, then the window they interrupted; NUL = end of
    // input), and the index of the next one; 0 = reading the source.
    std::string inject_;
    size_t inject_idx_ = 0;

    int line_ = 1;
    int column_ = -2;  // the window is primed with three dummy characters
    int64_t emit_dent_ = 0;  // pending INDENT (>0) or DEDENT (<0) tokens
    int64_t bracket_depth_ = 0;  // newlines inside brackets are not tokens
    std::vector<uint16_t> indents_{0};  // 16-bit like MicroPython's indentation stack

    Token tok_;
};

}  // namespace mpy
