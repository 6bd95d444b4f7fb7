// Raw deflate (RFC 1951, no zlib header) on the host, the format a board's deflate.DeflateIO
// reads and writes with deflate.RAW: text files travel compressed to and from boards that have
// the `deflate` module (MicroPython 1.21+).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mpy {

// Compresses with a window of 2**wbits bytes (9..15): the board needs that much RAM to
// decompress, so small boards get a small window.
std::string deflate_raw(std::string_view data, int wbits);
// Decompresses; nullopt when the data is not a complete raw deflate stream.
std::optional<std::string> inflate_raw(std::string_view compressed);

// The window a board with `mem_free` bytes of heap can afford: at most 1/8 of its heap.
int deflate_window_bits(long mem_free);

}  // namespace mpy
