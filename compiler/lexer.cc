// The lexer.  See lexer.h for the behaviour it reproduces and why.
#include "compiler/lexer.h"

#include <algorithm>
#include <array>
#include <utility>

#include "common/diagnostics.h"

namespace mpy {

namespace {

// ASCII character classes, as MicroPython's (bytes >= 0x80 are in no class).
bool is_space(uint32_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool is_digit(uint32_t c) { return c >= '0' && c <= '9'; }
bool is_alpha(uint32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_xdigit(uint32_t c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
uint32_t xdigit_value(uint32_t c) {
    return is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
}
bool is_quote(uint32_t c) { return c == '\'' || c == '"'; }

// Bytes read back from the f-string argument buffer go through a (signed) char, so high bytes
// arrive sign-extended; 0xff then reads as end of input, exactly as in MicroPython.
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

Lexer::Lexer(std::string_view source, std::string filename, int optimize_level)
    : src_(source), filename_(std::move(filename)), optimize_level_(optimize_level) {
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
    if (fstring_args_idx_ != 0) {
        // Injecting f-string arguments: a NUL marks their end, then the saved window returns.
        c2_ = fstring_args_idx_ < fstring_args_.size() ? injected_char(fstring_args_[fstring_args_idx_++]) : 0;
        if (c0_ == 0) {
            c0_ = saved0_;
            c1_ = saved1_;
            c2_ = saved2_;
            fstring_args_.clear();
            fstring_args_idx_ = 0;
        }
    } else {
        c2_ = read_source_byte();
    }

    if (c1_ == '\r') {
        c1_ = '\n';
        if (c2_ == '\n') c2_ = read_source_byte();  // CR LF is one newline
    }
    // Make sure the input ends with a newline.
    if (c2_ == kEof && c1_ != kEof && c1_ != '\n') c2_ = '\n';
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
    if (!fstring_args_.empty() && fstring_args_idx_ == 0) {
        // The f-string token has been consumed: now feed ".format(args)" through the lexer.
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

bool Lexer::at_string_start() const {
    if (is_quote(c0_)) return true;
    if ((c0_ == 'r' || c0_ == 'u' || c0_ == 'b' || c0_ == 'f') && is_quote(c1_)) return true;
    bool two_char_prefix = (c0_ == 'r' && (c1_ == 'f' || c1_ == 'b')) ||
                           ((c0_ == 'f' || c0_ == 'b') && c1_ == 'r');
    return two_char_prefix && is_quote(c2_);
}

// One or more adjacent string literals of the same kind (str or bytes) make one token.
void Lexer::lex_strings() {
    tok_.kind = TokenKind::End;  // "no literal yet"
    do {
        bool is_raw = false;
        bool is_fstring = false;
        TokenKind kind = TokenKind::String;
        int prefix_len = 0;
        if (c0_ == 'u') {
            prefix_len = 1;
        } else if (c0_ == 'b') {
            kind = TokenKind::Bytes;
            prefix_len = 1;
            if (c1_ == 'r') {
                is_raw = true;
                prefix_len = 2;
            }
        } else if (c0_ == 'r') {
            is_raw = true;
            prefix_len = 1;
            if (c1_ == 'b') {
                kind = TokenKind::Bytes;
                prefix_len = 2;
            }
            if (c1_ == 'f') {
                is_fstring = true;
                prefix_len = 2;
            }
        } else if (c0_ == 'f') {
            is_fstring = true;
            prefix_len = 1;
            if (c1_ == 'r') {
                is_raw = true;
                prefix_len = 2;
            }
        }

        if (tok_.kind == TokenKind::End) {
            tok_.kind = kind;
        } else if (tok_.kind != kind) {
            break;  // str next to bytes (or after a bad literal): a separate token
        }
        for (int i = 0; i < prefix_len; ++i) next_char();
        lex_string_body(is_raw, is_fstring);
        skip_whitespace(true);
    } while (at_string_start());
}

void Lexer::lex_string_body(bool is_raw, bool is_fstring) {
    const Char quote = c0_ == '"' ? '"' : '\'';
    next_char();
    size_t num_quotes = 1;
    if (c0_ == quote && c1_ == quote) {
        next_char();
        next_char();
        num_quotes = 3;
    }

    if (is_fstring && fstring_args_.empty()) fstring_args_ = ".format(";

    std::string& text = tok_.text;
    size_t n_closing = 0;
    while (!at_end() && (num_quotes > 1 || c0_ != '\n') && n_closing < num_quotes) {
        if (c0_ == quote) {
            ++n_closing;
            text += static_cast<char>(c0_);
        } else {
            n_closing = 0;
            while (is_fstring && c0_ == '{') {
                next_char();
                if (c0_ == '{') {
                    text += '{';  // "{{" stays for str.format to unescape
                    next_char();
                } else {
                    lex_fstring_field();
                }
                text += '{';
            }
            if (c0_ == '\\') {
                lex_escape(is_raw);
            } else {
                text += static_cast<char>(c0_);  // bytes pass through: UTF-8 stays UTF-8
            }
        }
        next_char();
    }

    if (n_closing < num_quotes) tok_.kind = TokenKind::LonelyStringOpen;
    text.resize(text.size() - n_closing);
}

// Inside an f-string, just after a '{' that starts a replacement field: moves the field's
// expression text to the argument list as "(expr)," and leaves the conversion / format spec /
// closing brace in the string.  Like MicroPython it only counts brackets, so a ':' or '}'
// inside a string in the expression ends it.  f'{x=}' also puts "x=" into the string.
void Lexer::lex_fstring_field() {
    fstring_args_ += '(';
    const size_t expr_start = fstring_args_.size();
    unsigned nesting = 0;  // unsigned: a stray ']' wraps around, as in MicroPython
    auto field_ends = [this] {
        if (c0_ == ':' || c0_ == '}') return true;
        return c0_ == '!' && (c1_ == 'r' || c1_ == 's') && (c2_ == ':' || c2_ == '}');
    };
    // While injected arguments are being read, a nested f-string's field appends to the very text
    // being read, so a field with no end at nesting 0 would grow it forever (MicroPython runs out
    // of heap: MemoryError).  Legitimate arguments are never much longer than the source.
    const size_t args_limit = 2 * src_.size() + 4096;
    while (!at_end() && (nesting != 0 || !field_ends())) {
        if (fstring_args_.size() > args_limit) {
            throw DiagnosticError(Diagnostic{"MemoryError", "", {filename_, 0, 0}, {}});
        }
        Char c = c0_;
        if (c == '[' || c == '{') {
            ++nesting;
        } else if (c == ']' || c == '}') {
            --nesting;
        }
        fstring_args_ += static_cast<char>(c);
        next_char();
    }
    // A NUL byte in injected text ends the injection early (as in MicroPython), which empties
    // fstring_args_ under our feet; only look back at what this field added.
    if (fstring_args_.size() > expr_start && fstring_args_.back() == '=') {
        tok_.text.append(fstring_args_, expr_start, fstring_args_.size() - expr_start);
        fstring_args_.pop_back();
    }
    fstring_args_ += ")";
    fstring_args_ += ",";
}

bool Lexer::read_hex_digits(int count, uint32_t* value) {
    uint32_t v = 0;
    while (count-- != 0) {
        next_char();
        if (!is_xdigit(c0_)) return false;
        v = (v << 4) + xdigit_value(c0_);
    }
    *value = v;
    return true;
}

// At a backslash inside a string literal.  Leaves c0_ on the escape's last character.
void Lexer::lex_escape(bool is_raw) {
    next_char();
    Char c = c0_;
    if (is_raw) {
        tok_.text += '\\';  // raw: the backslash stays, the next character is taken as is
    } else {
        switch (c) {
            case '\n': c = kEof; break;  // escaped newline: nothing
            case '\\': case '\'': case '"': break;
            case 'a': c = 0x07; break;
            case 'b': c = 0x08; break;
            case 't': c = 0x09; break;
            case 'n': c = 0x0a; break;
            case 'v': c = 0x0b; break;
            case 'f': c = 0x0c; break;
            case 'r': c = 0x0d; break;
            case 'u':
            case 'U':
                if (tok_.kind == TokenKind::Bytes) {
                    tok_.text += '\\';  // b'\u1234' is b'\\u1234'
                    break;
                }
                [[fallthrough]];
            case 'x': {
                uint32_t value = 0;
                if (!read_hex_digits(c == 'x' ? 2 : c == 'u' ? 4 : 8, &value)) tok_.kind = TokenKind::Invalid;
                c = value;
                break;
            }
            case 'N':
                throw DiagnosticError(Diagnostic{"NotImplementedError", "unicode name escapes", {filename_, 0, 0}, {}});
            default:
                if (c >= '0' && c <= '7') {
                    int digits = 3;
                    uint32_t value = c - '0';
                    while (c1_ >= '0' && c1_ <= '7' && --digits != 0) {
                        next_char();
                        value = value * 8 + (c0_ - '0');
                    }
                    c = value;
                } else {
                    tok_.text += '\\';  // unknown escape: kept verbatim
                }
                break;
        }
    }
    if (c == kEof) return;
    if (c < 0x110000 && tok_.kind == TokenKind::String) {
        add_code_point(c);
    } else if (c < 0x100 && tok_.kind == TokenKind::Bytes) {
        tok_.text += static_cast<char>(c);
    } else {
        tok_.kind = TokenKind::Invalid;
    }
}

void Lexer::add_code_point(uint32_t cp) {
    std::string& s = tok_.text;
    if (cp < 0x80) {
        s += static_cast<char>(cp);
    } else if (cp < 0x800) {
        s += static_cast<char>(0xc0 | (cp >> 6));
        s += static_cast<char>(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
        s += static_cast<char>(0xe0 | (cp >> 12));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
        s += static_cast<char>(0x80 | (cp & 0x3f));
    } else {
        s += static_cast<char>(0xf0 | (cp >> 18));
        s += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
        s += static_cast<char>(0x80 | (cp & 0x3f));
    }
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
