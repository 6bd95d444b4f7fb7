// WebREPL's binary file records (MicroPython's modwebrepl.c), as pure byte functions: the
// 82-byte request header and the board's answers.
//
//   header: "WA", type (1 put, 2 get, 3 version), flags 0, offset u64 0, size u32, name length
//           u16, name (64 bytes, NUL-padded; the board reads it as a C string, so 63 at most),
//           all little-endian;
//   status: "WB" + u16 (0: done);
//   get:    the client sends one byte (0) per chunk; the board answers u16 length + data,
//           length 0 at the end, then a status.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mpy {

enum class WebReplRecord : std::uint8_t { put_file = 1, get_file = 2, get_version = 3 };

// The longest path a record can name.
constexpr std::size_t kWebReplMaxPath = 63;

// Throws std::invalid_argument for a path over kWebReplMaxPath bytes.
std::string webrepl_record_header(WebReplRecord type, std::string_view path, std::uint32_t size);

// The status of a "WB" answer, or nullopt when `answer` is not one.
std::optional<std::uint16_t> webrepl_status(std::string_view answer);

// The data of a get chunk ("" for the last), or nullopt when `answer` is not a whole chunk.
std::optional<std::string_view> webrepl_chunk(std::string_view answer);

}  // namespace mpy
