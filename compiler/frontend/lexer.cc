// The lexer.  See lexer.h for the behaviour it reproduces and why.
#include "compiler/frontend/lexer.h"

#include <algorithm>
#include <array>
#include <utility>

#include "common/diagnostics.h"
#include "compiler/frontend/lexer_chars.h"

namespace mpy {

using namespace lexer_chars;

namespace {

// 1.27: bytes read back from the f-string argument buffer go through a (signed) char, so high
// bytes arrive sign-extended; 0xff then reads as end of input, exactly as in MicroPython.
uint32_t injected_char(char b) { return static_cast<uint32_t>(static_cast<int32_t>(static_cast<signed char>(b))); }

struct Keyword {
    std::string_view text;
    TokenKind kind;
};
constexpr std::array<Keyword, 35> kKeywords = {{
    {"False", TokenKind::KwFalse},   {"None", TokenKind::KwNone},
    {"True", TokenKind::KwTrue},     {"and", TokenKind::KwAnd},
    {"as", TokenKind::KwAs},         {"assert", TokenKind::KwAssert},
    {"async", TokenKind::KwAsync},   {"await", TokenKind::KwAwait},
    {"break", TokenKind::KwBreak},   {"class", TokenKind::KwClass},
    {"continue", TokenKind::KwContinue}, {"def", TokenKind::KwDef},
    {"del", TokenKind::KwDel},       {"elif", TokenKind::KwElif},
    {"else", TokenKind::KwElse},     {"except", TokenKind::KwExcept},
    {"finally", TokenKind::KwFinally}, {"for", TokenKind::KwFor},
    {"from", TokenKind::KwFrom},     {"global", TokenKind::KwGlobal},
    {"if", TokenKind::KwIf},         {"import", TokenKind::KwImport},
    {"in", TokenKind::KwIn},         {"is", TokenKind::KwIs},
    {"lambda", TokenKind::KwLambda}, {"nonlocal", TokenKind::KwNonlocal},
    {"not", TokenKind::KwNot},       {"or", TokenKind::KwOr},
    {"pass", TokenKind::KwPass},     {"raise", TokenKind::KwRaise},
    {"return", TokenKind::KwReturn}, {"try", TokenKind::KwTry},
    {"while", TokenKind::KwWhile},   {"with", TokenKind::KwWith},
    {"yield", TokenKind::KwYield},
}};
// Sorted, so that lex_name finds a keyword by binary search.
static_assert(std::is_sorted(kKeywords.begin(), kKeywords.end(),
                             [](const Keyword& a, const Keyword& b) { return a.text < b.text; }));

}  // namespace

Lexer::Lexer(std::string_view source, std::string filename, LexerOptions options)
    : src_(source), filename_(std::move(filename)), optimize_level_(options.optimize_level), compat_(options.compat) {
    // Prime the window with three dummy characters so that end-of-line and end-of-file
    // handling apply from the first real byte on.
    next_char();
    next_char();
    next_char();
    lex_token();
    // A first token that is not in column 1 is reported as an unexpected indent.
    if (tok_.column != 1 && tok_.kind != TokenKind::Newline) tok_.kind = TokenKind::Indent;
}

void Lexer::advance() { lex_token(); }

Lexer::Char Lexer::read_source_byte() {
    if (src_pos_ < src_.size()) return static_cast<unsigned char>(src_[src_pos_++]);
    return kEof;
}

void Lexer::next_char() {
    if (c0_ == '\n') {
        ++line_;
        column_ = 1;
    } else if (c0_ == '\t') {
        column_ = ((column_ - 1 + 8) / 8) * 8 + 1;
    } else {
        ++column_;
    }

    c0_ = c1_;
    c1_ = c2_;
    c2_ = v128() ? next_byte_128() : next_byte_127();
    // Make sure the input ends with a newline.
    if (c2_ == kEof && c1_ != kEof && c1_ != '\n') c2_ = '\n';
}

// 1.27: the next byte for the window's end, from the injected f-string arguments or the source.
Lexer::Char Lexer::next_byte_127() {
    Char c2 = 0;
    if (fstring_args_idx_ != 0) {
        // Injecting f-string arguments: a NUL marks their end, then the saved window returns.
        c2 = fstring_args_idx_ < fstring_args_.size() ? injected_char(fstring_args_[fstring_args_idx_++]) : 0;
        if (c0_ == 0) {
            c0_ = saved0_;
            c1_ = saved1_;
            c2 = saved2_;
            fstring_args_.clear();
            fstring_args_idx_ = 0;
        }
    } else {
        c2 = read_source_byte();
    }
    if (c1_ == '\r') {
        c1_ = '\n';
        if (c2 == '\n') c2 = read_source_byte();  // CR LF is one newline (the LF is skipped in the source)
    }
    return c2;
}

// 1.28: the next byte for the window's end, from the injection buffer until it runs out, else
// from the source, where NUL (1.28's end-of-input marker) reads as 0x01.
Lexer::Char Lexer::next_byte_128() {
    for (;;) {
        Char c2 = 0;
        if (inject_idx_ != 0) {
            const unsigned char b = static_cast<unsigned char>(inject_[inject_idx_++]);
            c2 = b == 0 ? kEof : b;
            if (inject_idx_ >= inject_.size()) {
                inject_.clear();
                inject_idx_ = 0;
            }
        } else {
            c2 = read_source_byte();
            if (c2 == 0) c2 = 1;
        }
        if (c1_ == '\r') {
            c1_ = '\n';
            if (c2 == '\n') continue;  // CR LF is one newline
        }
        return c2;
    }
}

// Skips spaces, comments and line continuations.  With stop_at_newline, stops at a newline
// outside brackets and returns true.
bool Lexer::skip_whitespace(bool stop_at_newline) {
    while (!at_end()) {
        if (c0_ == '\n') {
            if (stop_at_newline && bracket_depth_ == 0) return true;
            next_char();
        } else if (is_space(c0_)) {
            next_char();
        } else if (c0_ == '#') {
            next_char();
            while (!at_end() && c0_ != '\n') next_char();
        } else if (c0_ == '\\' && c1_ == '\n') {
            next_char();
            next_char();
        } else {
            break;
        }
    }
    return false;
}

void Lexer::lex_token() {
    if (!v128() && !fstring_args_.empty() && fstring_args_idx_ == 0) {
        // 1.27: the f-string token has been consumed: now feed ".format(args)" through the lexer.
        fstring_args_ += ')';
        saved0_ = c0_;
        saved1_ = c1_;
        saved2_ = c2_;
        c0_ = injected_char(fstring_args_[0]);
        c1_ = injected_char(fstring_args_[1]);
        c2_ = injected_char(fstring_args_[2]);
        fstring_args_idx_ = 3;
    }

    tok_.text.clear();
    bool had_newline = skip_whitespace(true);
    tok_.line = line_;
    tok_.column = column_;

    if (emit_dent_ < 0) {
        tok_.kind = TokenKind::Dedent;
        ++emit_dent_;
    } else if (emit_dent_ > 0) {
        tok_.kind = TokenKind::Indent;
        --emit_dent_;
    } else if (had_newline) {
        lex_newline_and_indent();
    } else if (at_end()) {
        tok_.kind = TokenKind::End;
    } else if (at_string_start()) {
        lex_strings();
    } else if (is_alpha(c0_) || c0_ == '_' || c0_ >= 0x80) {
        lex_name();
    } else if (is_digit(c0_) || (c0_ == '.' && is_digit(c1_))) {
        lex_number();
    } else {
        lex_operator();
    }
}

// At a newline ending a logical line: the NEWLINE token keeps that line's position; the
// indentation of the next non-blank line queues INDENT/DEDENT tokens.
void Lexer::lex_newline_and_indent() {
    skip_whitespace(false);
    tok_.kind = TokenKind::Newline;
    size_t spaces = static_cast<size_t>(column_ - 1);
    if (spaces == indents_.back()) return;
    if (spaces > indents_.back()) {
        indents_.push_back(static_cast<uint16_t>(spaces));
        ++emit_dent_;
        return;
    }
    while (spaces < indents_.back()) {
        indents_.pop_back();
        --emit_dent_;
    }
    if (spaces != indents_.back()) tok_.kind = TokenKind::DedentMismatch;
}

void Lexer::lex_name() {
    tok_.kind = TokenKind::Name;
    tok_.text += static_cast<char>(c0_);
    next_char();
    while (!at_end() && (is_alpha(c0_) || c0_ == '_' || c0_ >= 0x80 || is_digit(c0_))) {
        tok_.text += static_cast<char>(c0_);
        next_char();
    }
    const std::string_view name = tok_.text;
    const auto kw = std::lower_bound(kKeywords.begin(), kKeywords.end(), name,
                                     [](const Keyword& k, std::string_view n) { return k.text < n; });
    if (kw != kKeywords.end() && kw->text == name) {
        tok_.kind = kw->kind;
        return;
    }
    // __debug__ is a constant the lexer resolves, so that e.g. x.__debug__ is a syntax error.
    if (tok_.text == "__debug__") tok_.kind = optimize_level_ == 0 ? TokenKind::KwTrue : TokenKind::KwFalse;
}

// Collects a number's characters loosely (letters, digits, dots, exponent signs; underscores
// dropped); the parser validates the text when it converts it.
void Lexer::lex_number() {
    bool forced_integer = false;
    if (c0_ == '.') {
        tok_.kind = TokenKind::FloatOrImag;
    } else {
        tok_.kind = TokenKind::Integer;
        uint32_t base_char = c1_ | 0x20;
        if (c0_ == '0' && (base_char == 'b' || base_char == 'o' || base_char == 'x')) forced_integer = true;
    }
    tok_.text += static_cast<char>(c0_);
    next_char();
    while (!at_end()) {
        if (!forced_integer && (c0_ == 'e' || c0_ == 'E')) {
            tok_.kind = TokenKind::FloatOrImag;
            tok_.text += 'e';
            next_char();
            if (c0_ == '+' || c0_ == '-') {
                tok_.text += static_cast<char>(c0_);
                next_char();
            }
        } else if (is_alpha(c0_) || is_digit(c0_) || c0_ == '.') {
            if (c0_ == '.' || c0_ == 'j' || c0_ == 'J') tok_.kind = TokenKind::FloatOrImag;
            tok_.text += static_cast<char>(c0_);
            next_char();
        } else if (c0_ == '_') {
            next_char();
        } else {
            break;
        }
    }
}

// Operators and delimiters, longest match.
void Lexer::lex_operator() {
    const Char first = c0_;
    next_char();
    auto take = [this](Char c) {
        if (c0_ != c) return false;
        next_char();
        return true;
    };
    using K = TokenKind;
    K kind = K::Invalid;
    switch (first) {
        case '(': kind = K::ParenOpen; break;
        case ')': kind = K::ParenClose; break;
        case '[': kind = K::BracketOpen; break;
        case ']': kind = K::BracketClose; break;
        case '{': kind = K::BraceOpen; break;
        case '}': kind = K::BraceClose; break;
        case ',': kind = K::Comma; break;
        case ';': kind = K::Semicolon; break;
        case '~': kind = K::Tilde; break;
        case ':': kind = take('=') ? K::Walrus : K::Colon; break;
        case '<':
            if (take('=')) kind = K::LessEqual;
            else if (take('<')) kind = take('=') ? K::DblLessEqual : K::DblLess;
            else kind = K::Less;
            break;
        case '>':
            if (take('=')) kind = K::MoreEqual;
            else if (take('>')) kind = take('=') ? K::DblMoreEqual : K::DblMore;
            else kind = K::More;
            break;
        case '*':
            if (take('=')) kind = K::StarEqual;
            else if (take('*')) kind = take('=') ? K::DblStarEqual : K::DblStar;
            else kind = K::Star;
            break;
        case '/':
            if (take('=')) kind = K::SlashEqual;
            else if (take('/')) kind = take('=') ? K::DblSlashEqual : K::DblSlash;
            else kind = K::Slash;
            break;
        case '-':
            if (take('=')) kind = K::MinusEqual;
            else if (take('>')) kind = K::Arrow;
            else kind = K::Minus;
            break;
        case '+': kind = take('=') ? K::PlusEqual : K::Plus; break;
        case '&': kind = take('=') ? K::AmpersandEqual : K::Ampersand; break;
        case '|': kind = take('=') ? K::PipeEqual : K::Pipe; break;
        case '%': kind = take('=') ? K::PercentEqual : K::Percent; break;
        case '^': kind = take('=') ? K::CaretEqual : K::Caret; break;
        case '@': kind = take('=') ? K::AtEqual : K::At; break;
        case '=': kind = take('=') ? K::DblEqual : K::Equal; break;
        case '!': kind = take('=') ? K::NotEqual : K::Invalid; break;
        case '.':
            if (c0_ == '.' && c1_ == '.') {
                next_char();
                next_char();
                kind = K::Ellipsis;
            } else {
                kind = K::Period;
            }
            break;
        default: kind = K::Invalid; break;
    }
    tok_.kind = kind;
    if (kind == K::ParenOpen || kind == K::BracketOpen || kind == K::BraceOpen) {
        ++bracket_depth_;
    } else if (kind == K::ParenClose || kind == K::BracketClose || kind == K::BraceClose) {
        --bracket_depth_;
    }
}

}  // namespace mpy
