#include "remote/protocol/wire_codec.h"

#include <array>
#include <fmt/format.h>

namespace mpy {
namespace {

constexpr char b64_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

constexpr std::array<int, 256> make_b64_table() {
    std::array<int, 256> t{};
    for (int& v : t) v = -1;
    for (int i = 0; i < 64; ++i) t[static_cast<unsigned char>(b64_alphabet[i])] = i;
    return t;
}
constexpr auto b64_table = make_b64_table();

bool is_octal(char c) { return c >= '0' && c <= '7'; }
int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

void append_utf8(std::string& out, unsigned long cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xc0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xe0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    } else {
        out += static_cast<char>(0xf0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    }
}

}  // namespace

std::string base64_encode(std::string_view data) {
    std::string out;
    out.reserve((data.size() + 2) / 3 * 4);
    std::size_t i = 0;
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(data[k]); };
    for (; i + 3 <= data.size(); i += 3) {
        unsigned v = (byte(i) << 16) | (byte(i + 1) << 8) | byte(i + 2);
        out += b64_alphabet[v >> 18];
        out += b64_alphabet[(v >> 12) & 63];
        out += b64_alphabet[(v >> 6) & 63];
        out += b64_alphabet[v & 63];
    }
    std::size_t rest = data.size() - i;
    if (rest == 1) {
        unsigned v = byte(i) << 16;
        out += b64_alphabet[v >> 18];
        out += b64_alphabet[(v >> 12) & 63];
        out += "==";
    } else if (rest == 2) {
        unsigned v = (byte(i) << 16) | (byte(i + 1) << 8);
        out += b64_alphabet[v >> 18];
        out += b64_alphabet[(v >> 12) & 63];
        out += b64_alphabet[(v >> 6) & 63];
        out += '=';
    }
    return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
    std::string out;
    unsigned acc = 0;
    int bits = 0, pad = 0, symbols = 0;
    for (char c : text) {
        if (c == '\n' || c == '\r' || c == ' ' || c == '\t') continue;
        if (c == '=') {
            ++pad;
            ++symbols;
            continue;
        }
        int v = b64_table[static_cast<unsigned char>(c)];
        if (v < 0 || pad > 0) return std::nullopt;  // padding only at the very end
        ++symbols;
        acc = (acc << 6) | static_cast<unsigned>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((acc >> bits) & 0xff);
        }
    }
    if (symbols % 4 != 0 || pad > 2) return std::nullopt;
    return out;
}

std::string encode_bytes_literal_upto(std::string_view data, std::size_t max_len,
                                     std::size_t& consumed, BytesLiteralOptions opts) {
    std::string out;
    out.reserve(std::min(max_len, data.size() + data.size() / 4) + 4);
    std::size_t i = 0;
    for (; i < data.size(); ++i) {
        std::size_t before = out.size();
        unsigned char c = static_cast<unsigned char>(data[i]);
        bool next_is_octal_digit = i + 1 < data.size() && is_octal(data[i + 1]);
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '\'') {
            out += "\\'";
        } else if (c >= 0x20 && c < 0x7f) {
            out += static_cast<char>(c);
        } else if (c >= 0x80 && opts.raw_high_bytes) {
            out += static_cast<char>(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0100 && !next_is_octal_digit) {
            // Short octal escapes: \0 .. \77 (a following digit would extend them).
            out += fmt::format("\\{:o}", c);
        } else {
            out += fmt::format("\\x{:02x}", c);
        }
        if (out.size() > max_len) {
            out.resize(before);
            break;
        }
    }
    consumed = i;
    return out;
}

std::string encode_bytes_literal(std::string_view data, BytesLiteralOptions opts) {
    std::size_t consumed = 0;
    return encode_bytes_literal_upto(data, std::string::npos, consumed, opts);
}

std::optional<std::string> decode_py_literal(std::string_view t) {
    bool bytes = false;
    if (!t.empty() && t[0] == 'b') {
        bytes = true;
        t.remove_prefix(1);
    }
    if (t.size() < 2 || (t[0] != '\'' && t[0] != '"') || t.back() != t[0]) return std::nullopt;
    char quote = t[0];
    std::string_view body = t.substr(1, t.size() - 2);
    std::string out;
    for (std::size_t i = 0; i < body.size(); ++i) {
        char c = body[i];
        if (c == quote) return std::nullopt;  // an unescaped quote ends the literal early
        if (c != '\\') {
            out += c;
            continue;
        }
        if (++i >= body.size()) return std::nullopt;
        char e = body[i];
        switch (e) {
            case '\\': out += '\\'; break;
            case '\'': out += '\''; break;
            case '"': out += '"'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'a': out += '\a'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'v': out += '\v'; break;
            case 'x': {
                if (i + 2 >= body.size()) return std::nullopt;
                int hi = hex_value(body[i + 1]), lo = hex_value(body[i + 2]);
                if (hi < 0 || lo < 0) return std::nullopt;
                unsigned v = static_cast<unsigned>(hi * 16 + lo);
                if (bytes) out += static_cast<char>(v);
                else append_utf8(out, v);
                i += 2;
                break;
            }
            case 'u':
            case 'U': {
                if (bytes) return std::nullopt;
                std::size_t n = e == 'u' ? 4 : 8;
                if (i + n >= body.size()) return std::nullopt;
                unsigned long cp = 0;
                for (std::size_t k = 1; k <= n; ++k) {
                    int h = hex_value(body[i + k]);
                    if (h < 0) return std::nullopt;
                    cp = cp * 16 + static_cast<unsigned long>(h);
                }
                if (cp > 0x10ffff) return std::nullopt;
                append_utf8(out, cp);
                i += n;
                break;
            }
            default:
                if (is_octal(e)) {
                    unsigned v = 0;
                    std::size_t k = 0;
                    while (k < 3 && i + k < body.size() && is_octal(body[i + k])) v = v * 8 + (body[i + k++] - '0');
                    if (v > 0xff) return std::nullopt;
                    if (bytes) out += static_cast<char>(v);
                    else append_utf8(out, v);
                    i += k - 1;
                } else {
                    return std::nullopt;  // repr() never produces other escapes
                }
        }
    }
    return out;
}

std::string py_str(std::string_view s) {
    std::string out = "'";
    for (char ch : s) {
        unsigned char c = static_cast<unsigned char>(ch);
        if (c == '\\') out += "\\\\";
        else if (c == '\'') out += "\\'";
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (c < 0x20 || c == 0x7f) out += fmt::format("\\x{:02x}", c);
        else out += ch;
    }
    return out + "'";
}

std::string hex_encode(std::string_view data) {
    std::string out;
    for (char c : data) out += fmt::format("{:02x}", static_cast<unsigned char>(c));
    return out;
}

}  // namespace mpy
