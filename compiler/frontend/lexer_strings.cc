// The lexer's string literals: prefixes, adjacent literals, escapes, f-strings and (1.28)
// t-strings.  See lexer.h for the overall behaviour and the differences between releases.
#include <string>

#include "common/diagnostics.h"
#include "compiler/frontend/lexer.h"
#include "compiler/frontend/lexer_chars.h"

namespace mpy {

using namespace lexer_chars;

namespace {

// The token kinds that make the parser report an error; a t-string that is one keeps it.
bool is_error_token(TokenKind kind) {
    return kind == TokenKind::End || kind == TokenKind::Invalid || kind == TokenKind::DedentMismatch ||
           kind == TokenKind::LonelyStringOpen || kind == TokenKind::MalformedFString;
}

}  // namespace

bool Lexer::at_string_start() const {
    if (is_quote(c0_)) return true;
    const bool t = v128();  // t-strings exist from 1.28
    if ((c0_ == 'r' || c0_ == 'u' || c0_ == 'b' || c0_ == 'f' || (t && c0_ == 't')) && is_quote(c1_)) return true;
    bool two_char_prefix = (c0_ == 'r' && (c1_ == 'f' || c1_ == 'b' || (t && c1_ == 't'))) ||
                           ((c0_ == 'f' || c0_ == 'b' || (t && c0_ == 't')) && c1_ == 'r');
    return two_char_prefix && is_quote(c2_);
}

Lexer::StringPrefix Lexer::read_string_prefix() const {
    StringPrefix p;
    switch (c0_) {
        case 'u':
            p.length = 1;
            break;
        case 'b':
            p.kind = TokenKind::Bytes;
            p.length = 1;
            if (c1_ == 'r') {
                p.is_raw = true;
                p.length = 2;
            }
            break;
        case 'r':
            p.is_raw = true;
            p.length = 1;
            if (c1_ == 'b') {
                p.kind = TokenKind::Bytes;
                p.length = 2;
            } else if (c1_ == 'f') {
                p.is_fstring = true;
                p.length = 2;
            } else if (c1_ == 't' && v128()) {
                p.is_tstring = true;
                p.length = 2;
            }
            break;
        case 'f':
        case 't':  // at_string_start() only lets 't' through from 1.28
            (c0_ == 'f' ? p.is_fstring : p.is_tstring) = true;
            p.length = 1;
            if (c1_ == 'r') {
                p.is_raw = true;
                p.length = 2;
            }
            break;
        default:
            break;
    }
    return p;
}

// One or more adjacent string literals of the same kind (str or bytes) make one token.
void Lexer::lex_strings() {
    tok_.kind = TokenKind::End;  // "no literal yet"
    bool had_tstring = false;
    do {
        const StringPrefix prefix = read_string_prefix();
        // Counted even when the literal then ends the token (a t-string after bytes), as in 1.28.
        had_tstring = had_tstring || prefix.is_tstring;
        if (tok_.kind == TokenKind::End) {
            tok_.kind = prefix.kind;
        } else if (tok_.kind != prefix.kind) {
            break;  // str next to bytes (or after a bad literal): a separate token
        }
        for (int i = 0; i < prefix.length; ++i) next_char();

        const Char quote = c0_ == '"' ? '"' : '\'';
        next_char();
        size_t num_quotes = 1;
        if (c0_ == quote && c1_ == quote) {
            next_char();
            next_char();
            num_quotes = 3;
        }
        lex_string_body(prefix, quote, num_quotes);
        skip_whitespace(true);
    } while (at_string_start());

    if (had_tstring) finish_template_token();
    // 1.28 injects the arguments at once (1.27 waits for the next token, see lex_token).
    if (v128() && !fstring_args_.empty()) inject_fstring_args_128();
}

// From just after the opening quotes to just after the closing ones.
void Lexer::lex_string_body(const StringPrefix& prefix, Char quote, size_t num_quotes) {
    const bool is_fstring = prefix.is_fstring;
    const bool is_tstring = prefix.is_tstring;
    std::string& text = tok_.text;
    if (is_fstring && fstring_args_.empty()) fstring_args_ = ".format(";
    // A t-string's literal parts become a tuple of string literals: "(('part0','part1',...,),"
    // (the quotes are the literal's own, tripled for a triple-quoted literal).
    if (is_tstring && fstring_args_.empty()) {
        text += "((";
        text.append(num_quotes, static_cast<char>(quote));
    }

    TemplateState tstate;
    size_t n_closing = 0;
    while (!at_end() && (num_quotes > 1 || c0_ != '\n') && n_closing < num_quotes) {
        if (c0_ == quote) {
            ++n_closing;
            text += static_cast<char>(c0_);
            next_char();
            continue;
        }
        if (is_tstring && c0_ == '\n') {
            // A triple-quoted t-string's newline, as an escape in the part's literal.  (1.28 does
            // not reset the closing-quote count here.)
            text += "\\n";
            next_char();
            continue;
        }
        n_closing = 0;
        if ((is_fstring || is_tstring) && c0_ == '{') {
            if (!v128()) {
                // 1.27: fields one after another, then the character after them is taken as
                // text whatever it is (even a closing quote).
                while (c0_ == '{') lex_fstring_field(prefix, quote, num_quotes, tstate);
            } else if (tstate.spec_depth == 0) {
                // 1.28 looks at the character after a field afresh (it may close the string).
                lex_fstring_field(prefix, quote, num_quotes, tstate);
                continue;
            } else {
                ++tstate.spec_depth;  // a '{' inside a t-string field's format spec: kept as text
            }
        }

        if (is_tstring && c0_ == '\\') {
            // Kept as written: the part is lexed again as a string literal.
            text += '\\';
            if (prefix.is_raw) {
                text += '\\';
            } else {
                next_char();
                text += static_cast<char>(c0_);
            }
        } else if (c0_ == '\\') {
            lex_escape(prefix.is_raw);
        } else if (is_tstring && tstate.spec_depth > 0 && c0_ == '}') {
            end_template_spec_brace(quote, tstate);
        } else {
            text += static_cast<char>(c0_);  // bytes pass through: UTF-8 stays UTF-8
            if (is_tstring && c0_ == '}') {
                if (c1_ == '}') {
                    next_char();  // "}}" is one '}'
                } else {
                    tok_.kind = TokenKind::MalformedFString;  // a lone '}'
                }
            }
        }
        next_char();
    }

    if (n_closing < num_quotes) tok_.kind = TokenKind::LonelyStringOpen;
    if (is_tstring) {
        finish_template_literal(tstate);  // the closing quotes stay: they close the last part
    } else {
        text.resize(text.size() - n_closing);
    }
}

// At a '{' inside an f-string or t-string: "{{" is an escaped brace; otherwise a replacement
// field, whose expression text moves to the argument list as "(expr)," while the conversion /
// format spec / closing brace stay in the string (an f-string's; a t-string takes them apart,
// see start_template_field).  Like MicroPython it only counts brackets, so a ':' or '}' inside a
// string in the expression ends it.  f'{x=}' also puts "x=" into the string.
void Lexer::lex_fstring_field(const StringPrefix& prefix, Char quote, size_t num_quotes, TemplateState& tstate) {
    std::string& text = tok_.text;
    next_char();
    if (c0_ == '{') {
        if (!prefix.is_tstring) text += '{';  // f-strings keep "{{" for str.format to unescape
        next_char();
        text += '{';
        return;
    }

    fstring_args_ += '(';
    const size_t expr_start = fstring_args_.size();
    unsigned nesting = 0;  // unsigned: a stray ']' wraps around, as in MicroPython
    auto field_ends = [this] {
        if (c0_ == ':' || c0_ == '}') return true;
        return c0_ == '!' && (c1_ == 'r' || c1_ == 's') && (c2_ == ':' || c2_ == '}');
    };
    // In 1.27, while injected arguments are being read, a nested f-string's field appends to the
    // very text being read, so a field with no end at nesting 0 would grow it forever (MicroPython
    // runs out of heap: MemoryError).  Legitimate arguments are never much longer than the source.
    const size_t args_limit = 2 * src_.size() + 4096;
    while (!at_end() && (nesting != 0 || !field_ends())) {
        if (!v128() && fstring_args_.size() > args_limit) {
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
    // A NUL byte in injected text ends a 1.27 injection early, which empties fstring_args_ under
    // our feet; only look back at what this field added.
    bool was_debug = false;
    if (fstring_args_.size() > expr_start && fstring_args_.back() == '=') {
        text.append(fstring_args_, expr_start, fstring_args_.size() - expr_start);
        fstring_args_.pop_back();
        was_debug = true;
    }
    if (v128()) {
        if (prefix.is_tstring) {
            while (!fstring_args_.empty() && is_space(static_cast<unsigned char>(fstring_args_.back()))) {
                fstring_args_.pop_back();
            }
        }
        if (fstring_args_.size() == expr_start) tok_.kind = TokenKind::MalformedFString;  // f'{}'
    }
    fstring_args_ += "),";
    if (prefix.is_tstring) start_template_field(quote, num_quotes, expr_start, was_debug, tstate);
    text += '{';
}

// After a t-string field's "(expr),": adds its source text 'expr' and its conversion to the
// arguments, ends the current literal part, and starts collecting the format spec in the text.
void Lexer::start_template_field(Char quote, size_t num_quotes, size_t expr_start, bool was_debug,
                                 TemplateState& tstate) {
    const char q = static_cast<char>(quote);
    const size_t expr_len = fstring_args_.size() - expr_start - 2;  // before the "),"
    fstring_args_ += q;
    for (size_t j = 0; j < expr_len; ++j) {
        const char b = fstring_args_[expr_start + j];
        if (b == q || b == '\\') fstring_args_ += '\\';
        fstring_args_ += b;
    }
    fstring_args_ += q;
    fstring_args_ += ',';

    std::string& text = tok_.text;
    text.append(num_quotes, q);
    text += ',';
    text.append(num_quotes, q);

    if (c0_ == '!') {
        next_char();
        fstring_args_ += q;
        fstring_args_ += static_cast<char>(c0_);
        fstring_args_ += q;
        fstring_args_ += ',';
        next_char();
    } else if (was_debug && c0_ != ':') {
        fstring_args_ += "'r',";  // t'{x=}' shows repr(x), unless a spec is given
    } else {
        fstring_args_ += "None,";
    }
    if (c0_ == ':') next_char();
    tstate.spec_depth = 1;
    tstate.spec_start = text.size();  // where the caller puts the '{'
}

// At a '}' inside a t-string field's format spec: closes a nested field, or the spec itself,
// which moves from the text to the arguments as a string literal (an f-string if it had fields).
void Lexer::end_template_spec_brace(Char quote, TemplateState& tstate) {
    std::string& text = tok_.text;
    if (--tstate.spec_depth > 0) {
        tstate.spec_has_fields = true;
        text += '}';
        return;
    }
    ++tstate.interpolations;
    if (tstate.spec_has_fields) {
        fstring_args_ += 'f';
        tstate.spec_has_fields = false;
    }
    fstring_args_ += static_cast<char>(quote);
    fstring_args_.append(text, tstate.spec_start + 1, std::string::npos);
    fstring_args_ += static_cast<char>(quote);
    fstring_args_ += ',';
    text.resize(tstate.spec_start);
}

// At the end of a t-string literal.
void Lexer::finish_template_literal(TemplateState& tstate) {
    if (tstate.spec_depth > 0) tok_.kind = TokenKind::MalformedFString;  // a field never closed
    // A call takes at most 255 arguments: past 63 fields, they are passed as one tuple.
    if (1 + tstate.interpolations * 4 > 255) {
        fstring_args_.insert(fstring_args_.begin(), '(');
        fstring_args_ += ')';
    }
}

// After the last literal of a token that had a t-string: the text (the tuple of parts) goes in
// front of the arguments, and the token becomes the name of the function that builds templates.
void Lexer::finish_template_token() {
    tok_.text += ",),";
    fstring_args_.insert(0, tok_.text);
    if (!is_error_token(tok_.kind)) {
        tok_.kind = TokenKind::Name;
        tok_.text = "__template__";
    }
}

// 1.28: the string token is complete; its arguments (and a closing ')') are read next.  If
// injected text is being read already (an f-string nested in a field), they go in front of
// what is left of it, the three characters of the window included.
void Lexer::inject_fstring_args_128() {
    fstring_args_ += ')';
    auto to_byte = [](Char c) { return c == kEof ? '\0' : static_cast<char>(c); };
    if (inject_idx_ == 0) {
        inject_ = fstring_args_;
        inject_ += to_byte(c0_);
        inject_ += to_byte(c1_);
        inject_ += to_byte(c2_);
    } else {
        inject_idx_ -= 3;
        inject_.insert(inject_idx_, fstring_args_);
    }
    fstring_args_.clear();
    auto from_byte = [](char b) { return b == '\0' ? kEof : static_cast<Char>(static_cast<unsigned char>(b)); };
    c0_ = from_byte(inject_[inject_idx_++]);
    c1_ = from_byte(inject_[inject_idx_++]);
    c2_ = from_byte(inject_[inject_idx_++]);
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

}  // namespace mpy
