// The ROMFS image format of MicroPython's VfsRom (extmod/vfs_rom.c, written by mpremote 1.27's
// `romfs build`): a tree of records, each `kind` and `length` as variable-length unsigned
// integers (7 bits a byte, most significant first, high bit = more follows) and then `length`
// bytes of payload.
//
//   image      = header(0xd2 0xcd 0x31) length records...   (whole image padded to an even size)
//   directory  = kind 4: name-length name records...
//   file       = kind 5: name-length name data-record
//   data       = kind 2: the file's bytes, verbatim
//
// Boards map the image straight from flash and import from it in place, so the format has no
// offsets to patch: a writer only nests buffers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mpy::romfs {

// The three bytes every ROMFS image starts with.
inline constexpr std::string_view kImageHeader{"\xd2\xcd\x31", 3};

enum class RecordKind : std::uint8_t {
    unused = 0,
    padding = 1,
    data_verbatim = 2,
    data_pointer = 3,
    directory = 4,
    file = 5,
};

// The variable-length encoding of `value` (most significant 7-bit group first).
std::string encode_uint(std::uint64_t value);

// Builds an image in the order entries are added: open_dir/close_dir nest, add_file adds to the
// innermost open directory.  Names must be ASCII (the format stores bytes and mpremote encodes
// names as ASCII).  Misuse (closing the root, finishing inside a directory) throws
// std::logic_error.
class ImageWriter {
public:
    ImageWriter();
    void open_dir(std::string_view name);
    void close_dir();
    void add_file(std::string_view name, std::string_view data);
    // The whole image; the writer is empty afterwards.
    std::string finish();

private:
    struct OpenDir {
        std::string name;
        std::string records;
    };
    std::vector<OpenDir> stack_;
};

// What the first bytes of a partition say: nullopt when they are not a ROMFS header, else the
// length the header declares (decoded as mpremote's `romfs query` decodes it, from the bytes
// given: a truncated length yields what was read).
std::optional<std::uint64_t> declared_image_length(std::string_view first_bytes);

}  // namespace mpy::romfs
