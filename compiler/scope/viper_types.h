// The type names of MicroPython's viper code emitter, shared by scope analysis (casts are not
// globals), codegen (annotations must name a type) and the native emitter (typed values).
#pragma once

#include <string_view>

namespace mpy {

// MicroPython's MP_NATIVE_TYPE_* numbers.  Names from kViperInt on double as casts: int(x),
// ptr8(buf), ...
inline constexpr int kViperObject = 0;
inline constexpr int kViperBool = 1;
inline constexpr int kViperInt = 2;

// The MP_NATIVE_TYPE_* of a viper type name: object 0, bool 1, int 2, uint 3, ptr 4, ptr8 5,
// ptr16 6, ptr32 7; -1 if `name` is not one.
constexpr int viper_type_of(std::string_view name) {
    constexpr std::string_view kNames[] = {"object", "bool", "int", "uint", "ptr", "ptr8", "ptr16", "ptr32"};
    for (int i = 0; i < static_cast<int>(std::size(kNames)); ++i) {
        if (kNames[i] == name) return i;
    }
    return -1;
}

}  // namespace mpy
