// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as the DFU file suffix uses it.
#pragma once

#include <cstdint>
#include <span>

namespace mpy::flash {

// The register after feeding `data` to a CRC-32 started at 0xFFFFFFFF, without the final
// inversion: what a DFU 1.1 file suffix stores in dwCRC (the usual "crc32" value, inverted).
std::uint32_t dfu_crc32(std::span<const std::uint8_t> data);

}  // namespace mpy::flash
