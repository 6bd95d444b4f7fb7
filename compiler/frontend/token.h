// Tokens of MicroPython 1.27 / 1.28 source, as the lexer hands them to the parser.
#pragma once

#include <string>
#include <string_view>

namespace mpy {

enum class TokenKind {
    // Markers and errors.  The parser turns every error token into a SyntaxError at its line,
    // except Indent/DedentMismatch where the parser expects something else (IndentationError).
    End,             // end of input
    Invalid,         // a character that starts no token, or a bad escape in a string
    DedentMismatch,  // dedent to a column that matches no enclosing indentation level
    LonelyStringOpen,  // unterminated string literal
    MalformedFString,  // 1.28: an empty replacement field, or a t-string's unbalanced braces

    Newline,
    Indent,
    Dedent,

    Name,
    Integer,      // text: the digits as written, underscores removed
    FloatOrImag,  // text: as written (with 'e' normalised to lower case), underscores removed
    String,       // text: the value (UTF-8), escapes processed, adjacent literals joined
    Bytes,        // text: the value
    Ellipsis,     // ...

    // Keywords.
    KwFalse, KwNone, KwTrue, KwAnd, KwAs, KwAssert, KwAsync, KwAwait, KwBreak, KwClass,
    KwContinue, KwDef, KwDel, KwElif, KwElse, KwExcept, KwFinally, KwFor, KwFrom, KwGlobal, KwIf,
    KwImport, KwIn, KwIs, KwLambda, KwNonlocal, KwNot, KwOr, KwPass, KwRaise, KwReturn, KwTry,
    KwWhile, KwWith, KwYield,

    // Delimiters.
    ParenOpen, ParenClose, BracketOpen, BracketClose, BraceOpen, BraceClose,
    Comma, Semicolon, Colon, Period, Arrow /* -> */, Equal /* = */,
    PlusEqual, MinusEqual, StarEqual, AtEqual, SlashEqual, PercentEqual, AmpersandEqual,
    PipeEqual, CaretEqual, DblLessEqual, DblMoreEqual, DblStarEqual, DblSlashEqual,

    // Operators.
    Tilde, Walrus /* := */, Less, LessEqual, DblLess, More, MoreEqual, DblMore, Star, DblStar,
    Plus, Minus, Ampersand, Pipe, Slash, DblSlash, Percent, Caret, At, DblEqual, NotEqual,
};

struct Token {
    TokenKind kind = TokenKind::End;
    std::string text;  // Name/Integer/FloatOrImag/String/Bytes payload; empty otherwise
    int line = 0;      // 1-based
    int column = 0;    // 1-based; tabs advance to the next multiple of 8, like MicroPython
};

// A short human-readable name ("'('", "NAME", "end of file") for diagnostics and tests.
std::string_view token_kind_name(TokenKind kind);

}  // namespace mpy
