// The static qstr list of MicroPython 1.27: strings every runtime has at fixed qstr numbers.
//
// A .mpy qstr-table entry may name one of these by number instead of spelling it out
// (vuint (index << 1) | 1).  Index 0 is MP_QSTRnull and is never stored; the list runs from
// index 1 ("") to index 165 ("zip", QSTR_LAST_STATIC).  The order is part of the file format:
// changing it would make every .mpy file mean something else.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace mpy::qstr {

// First and last static indices.
inline constexpr std::uint32_t kFirstStatic = 1;
inline constexpr std::uint32_t kLastStatic = 165;

// The string of static qstr `index`, or nullopt if index is 0 or above kLastStatic.
std::optional<std::string_view> static_string(std::uint32_t index);

// The static index of `text`, or nullopt if it is not a static qstr.
std::optional<std::uint32_t> static_index(std::string_view text);

// All static strings in index order; element i is qstr number i + 1.
std::span<const std::string_view> static_strings();

}  // namespace mpy::qstr
