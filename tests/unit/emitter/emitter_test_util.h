// Helpers shared by the emitter unit tests.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/mpy_model.h"
#include "common/mpy_writer.h"
#include "compiler/frontend/ast.h"
#include "compiler/bytecode/code_builder.h"

namespace mpy::emitter_test {

inline std::string to_hex(std::string_view bytes) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

inline std::string to_hex(const std::vector<std::uint8_t>& bytes) {
    return to_hex(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

// The whole .mpy file a finished ModuleBuilder describes (bytecode only, 31-bit small ints:
// mpy-cross's defaults), as hex for readable comparisons.
inline std::string module_hex(const ModuleBuilder& mb) {
    return to_hex(write_mpy(mb.to_module(make_header(NativeArch::None, false, 31))));
}

inline ast::ConstValue float_const(double v) {
    ast::ConstValue c;
    c.kind = ast::ConstValue::Kind::Float;
    c.real = v;
    return c;
}

inline ast::ConstValue str_const(std::string text, bool interned = false) {
    ast::ConstValue c;
    c.kind = ast::ConstValue::Kind::Str;
    c.text = std::move(text);
    c.interned = interned;
    return c;
}

inline ast::ConstValue int_const(std::string decimal, bool small = false, std::int64_t v = 0) {
    ast::ConstValue c;
    c.kind = ast::ConstValue::Kind::Int;
    c.int_decimal = std::move(decimal);
    c.small_int = small;
    c.fits_int64 = small;
    c.int64 = v;
    return c;
}

}  // namespace mpy::emitter_test
