// Encodings for file data on the wire between host and board.
//
// Upload (host -> board) embeds data in Python source that the board compiles:
//   * base64, decoded on the board by binascii.a2b_base64: 4/3 bytes per file byte;
//   * a compact bytes literal for boards without binascii (the micro:bit): printable ASCII and
//     bytes >= 0x80 go raw (MicroPython's lexer is 8-bit clean inside b''), other bytes take the
//     shortest escape (\n, \0, \37, \x7f).  About 1.0 for text, 1.3 for random binary.
// Download (board -> host) is base64 printed by binascii.b2a_base64, or, without binascii, the
// board's own repr() of the bytes, which decode_py_literal understands.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mpy {

std::string base64_encode(std::string_view data);
// Ignores whitespace (b2a_base64 ends lines with \n); nullopt on any other invalid input.
std::optional<std::string> base64_decode(std::string_view text);

struct BytesLiteralOptions {
    bool raw_high_bytes = true;  // send 0x80..0xff unescaped
};
// The body of b'...' (without b' and ') such that the board's lexer yields exactly `data`.  The
// result never contains bytes 0x00-0x1f, so the raw REPL's control characters cannot occur.
std::string encode_bytes_literal(std::string_view data, BytesLiteralOptions opts = {});
// Encodes the longest prefix of `data` whose encoding fits in `max_len` bytes; `consumed` says
// how many bytes of `data` that was.
std::string encode_bytes_literal_upto(std::string_view data, std::size_t max_len,
                                     std::size_t& consumed, BytesLiteralOptions opts = {});

// Decodes one Python str or bytes literal as MicroPython's repr() prints it ('..', "..",
// b'..', b".."); nullopt if `text` is not exactly one such literal.  For str literals the result
// is UTF-8.
std::optional<std::string> decode_py_literal(std::string_view text);

// A Python str literal for `s` (a board path), safe to paste into code: '...' with \\, \', and
// control characters escaped; non-ASCII UTF-8 passes through.
std::string py_str(std::string_view s);

std::string hex_encode(std::string_view data);

}  // namespace mpy
