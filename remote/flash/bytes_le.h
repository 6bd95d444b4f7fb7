// Little-endian integers in byte buffers: every field of the DFU and UF2 formats and of the USB
// DFU requests is one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace mpy::flash {

inline std::uint32_t read_le(std::span<const std::uint8_t> b, std::size_t at, int width) {
    std::uint32_t v = 0;
    for (int i = width - 1; i >= 0; --i) v = (v << 8) | b[at + static_cast<std::size_t>(i)];
    return v;
}

inline void append_le(std::vector<std::uint8_t>& out, std::uint32_t v, int width) {
    for (int i = 0; i < width; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

}  // namespace mpy::flash
