// Parses .mpy bytes (format 6.3, bytecode and native code of every architecture) into an
// MpyModule.  Built for hostile input: every read is bounds-checked, every count is checked
// against the bytes left before anything is allocated, nesting depth is limited, and every error
// is a DiagnosticError whose message starts with the byte offset ("offset 0x1a: ...").
//
// The reader checks STRUCTURE only (the file can be walked to its end).  Whether the bytecode
// inside makes sense is mpytool verify's job.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/mpy_model.h"

namespace mpy {

// Where the parts of the file start, for listings and for tools that quote file offsets.
struct MpyLayout {
    std::size_t qstr_table = 0;  // first qstr entry
    std::size_t obj_table = 0;   // first constant entry
    std::size_t raw_code = 0;    // the module's raw code
    std::size_t end = 0;         // end of the module's raw code (== file size unless trailing bytes)
    // Offset of each raw code's code bytes, in pre-order (module, then each child subtree).
    std::vector<std::size_t> code_offsets;
};

struct ReadLimits {
    // Raw codes nest one level per def/class/lambda/comprehension; real programs stay far below.
    unsigned max_raw_code_depth = 200;
    // Tuples of constants nest one level per parenthesis.
    unsigned max_constant_depth = 200;
};

// The 4 header bytes decoded without judging them (so `info` can describe a file of another
// version).  Throws only if fewer than 4 bytes or the magic is wrong.
struct RawHeader {
    std::uint8_t version = 0;
    std::uint8_t feature = 0;
    std::uint8_t small_int_bits = 0;
    unsigned arch() const { return (feature >> kFeatureArchShift) & kFeatureArchMask; }
    unsigned sub_version() const { return feature & kFeatureSubVersionMask; }
};
RawHeader peek_header(std::span<const std::uint8_t> data, const std::string& file_name);

// Reads a whole file.  `file_name` is used in error messages only.
MpyModule read_mpy(std::span<const std::uint8_t> data, const std::string& file_name,
                   MpyLayout* layout = nullptr, const ReadLimits& limits = {});
inline MpyModule read_mpy(std::string_view data, const std::string& file_name,
                          MpyLayout* layout = nullptr, const ReadLimits& limits = {}) {
    return read_mpy(std::span(reinterpret_cast<const std::uint8_t*>(data.data()), data.size()),
                    file_name, layout, limits);
}

// Which MicroPython releases wrote/read a given .mpy version ("1.23 and later" for 6.3).
std::string mpy_version_releases(unsigned version, unsigned sub_version);

}  // namespace mpy
