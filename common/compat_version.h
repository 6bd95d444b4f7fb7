// Which MicroPython release mpyc reproduces byte for byte.  Both write .mpy format 6.3 and the
// same bytecode; they differ in the machine code of native/viper functions (how registers are
// cleared, Thumb's indexed loads and stores, RISC-V's register roles and extensions), in the
// inline Xtensa assembler, and in the language 1.28 added (t-strings, nested f-strings).
#pragma once

#include <optional>
#include <string_view>

namespace mpy {

enum class CompatVersion { V1_27, V1_28 };

// The current release: what mpyc reproduces unless told otherwise (--compat=).
inline constexpr CompatVersion kDefaultCompat = CompatVersion::V1_28;

// "1.27" / "1.28" (also "1.27.0" / "1.28.0"); nothing for anything else.
inline std::optional<CompatVersion> compat_from_name(std::string_view name) {
    if (name == "1.27" || name == "1.27.0") return CompatVersion::V1_27;
    if (name == "1.28" || name == "1.28.0") return CompatVersion::V1_28;
    return std::nullopt;
}

inline constexpr std::string_view compat_name(CompatVersion v) { return v == CompatVersion::V1_27 ? "1.27" : "1.28"; }

}  // namespace mpy
