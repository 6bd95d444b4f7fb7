// The Python code mpr runs on the board, generated for what the board has (BoardCaps).
//
// Every snippet is small, uses only names starting with '_' (so it does not clobber the user's
// globals more than needed), runs on MicroPython 1.9 as on 1.27, and prints results in a line
// format that board_fs parses: numbers separated by spaces, names as repr() literals last.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "remote/board/board_caps.h"

namespace mpy::snippets {

// "mode size" of `path`, or "-1 0" when it does not exist.  Directories have mode 0x4000.
std::string stat(const BoardCaps& c, std::string_view path);
// One line per entry: "mode size 'name'".
std::string listdir(const BoardCaps& c, std::string_view path);
// Opens `path` for writing and binds _w (write) and, with base64, _d (decode).
std::string open_for_write(const BoardCaps& c, std::string_view path, bool base64);
// Write one chunk of `len` bytes whose bytes sum to `sum`: the board prints the number of bytes
// written, or -1 (and writes nothing) when the chunk it got does not match.
std::string write_base64(std::string_view b64, std::size_t len, std::uint32_t sum);
std::string write_literal(std::string_view literal_body, std::size_t len, std::uint32_t sum);
std::string write_checked(std::size_t len, std::uint32_t sum);
std::string close_write();
// Prints "repr(sha256 digest)" with hashlib, else "size bytesum" (sum of all bytes mod 2**32).
std::string digest(const BoardCaps& c, std::string_view path);
// Renames the finished temporary file over the destination (atomically where the file system
// can; FAT ports that refuse to rename onto a file get remove + rename).
std::string replace_file(const BoardCaps& c, std::string_view tmp, std::string_view dest);
// Prints the file: base64 lines (b2a_base64) or one repr() per chunk.
std::string read_file(const BoardCaps& c, std::string_view path, std::size_t chunk);
// Decompresses the raw-deflate file `zpath` (window 2**wbits) into `path`, then removes `zpath`;
// prints the size written.
std::string inflate_file(const BoardCaps& c, std::string_view zpath, std::string_view path, int wbits);
// Compresses the file in the board's RAM (raw deflate, window 2**wbits); when that halves it, prints "Z" and the compressed bytes as read_file prints data, else "R" and the
// file itself as read_file does.
std::string read_file_deflated(const BoardCaps& c, std::string_view path, std::size_t chunk, int wbits);
std::string remove(const BoardCaps& c, std::string_view path);
std::string mkdir(const BoardCaps& c, std::string_view path);
std::string rmdir(const BoardCaps& c, std::string_view path);
std::string touch(const BoardCaps& c, std::string_view path);
std::string getcwd(const BoardCaps& c);
// df: lines "mount size used avail" for every mounted file system (or "/").
std::string df(const BoardCaps& c);
// Checks that the board's lexer keeps raw bytes >= 0x80 in b'' literals: prints "1 255".
std::string raw_byte_check();

}  // namespace mpy::snippets
