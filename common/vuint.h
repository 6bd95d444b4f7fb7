// The variable-length unsigned integer ("vuint") of the .mpy format and of bytecode arguments.
//
// Seven bits per byte, most-significant group FIRST, bit 7 set on every byte except the last
// (so 300 = 0b10_0101100 is stored as 0x82 0x2c).  MicroPython's docs describe the groups as
// LSB-first, but the reference reader and writer both put the high group first; we follow the code.
//
// The signed variant (used only by LOAD_CONST_SMALL_INT) is two's complement in the same groups:
// bit 6 of the first byte is the sign, and a leading 0x80 / 0xff byte is added when the value's
// sign would otherwise be misread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace mpy::vuint {

// A 64-bit value needs at most ten 7-bit groups.
inline constexpr std::size_t kMaxEncodedBytes = 10;

// The encoding of one value in a fixed buffer (the last size() bytes of `bytes`), for callers that
// emit one value at a time and should not allocate for it.  The signed form can need one more byte
// than kMaxEncodedBytes (the sign byte).
struct Encoded {
    std::uint8_t bytes[kMaxEncodedBytes + 1];
    std::uint8_t first = 0;  // index of the first byte used
    const std::uint8_t* data() const { return bytes + first; }
    std::size_t size() const { return sizeof bytes - first; }
};
Encoded encode(std::uint64_t value);
Encoded encode_signed(std::int64_t value);

// Number of bytes the encoding of `value` takes.
std::size_t encoded_size(std::uint64_t value);

// Appends the encoding of `value` to `out`.
void append(std::vector<std::uint8_t>& out, std::uint64_t value);
void append(std::string& out, std::uint64_t value);

// Appends the signed encoding of `value` (LOAD_CONST_SMALL_INT argument).
void append_signed(std::vector<std::uint8_t>& out, std::int64_t value);
void append_signed(std::string& out, std::int64_t value);

// A decoded value and the number of bytes it occupied.
struct Decoded {
    std::uint64_t value = 0;
    std::size_t length = 0;
};
struct DecodedSigned {
    std::int64_t value = 0;
    std::size_t length = 0;
};

// Decodes one vuint at the start of `bytes`.  Returns nullopt when the bytes end before the last
// group (truncated) or when the encoding is longer than kMaxEncodedBytes / overflows 64 bits:
// both are signs of a corrupt file, never of a valid one.
std::optional<Decoded> decode(std::span<const std::uint8_t> bytes);
std::optional<DecodedSigned> decode_signed(std::span<const std::uint8_t> bytes);

}  // namespace mpy::vuint
