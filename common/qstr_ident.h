// How MicroPython's build names and hashes qstrs: the C identifier MP_QSTR_<ident> of a string,
// and the qstr hash.  mpytool freeze needs both to produce the C that 1.27's frozen-module build
// expects (the same text `mpy-tool.py -f` prints).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace mpy::qstr {

// The identifier part of MP_QSTR_<ident>: ASCII letters, digits and '_' stay, every other
// character (a Unicode code point, decoded from UTF-8) becomes "_<name>_" with its HTML entity
// name or one of MicroPython's own names ("_dot_", "_slash_", ...), else "_0x<hex>_".
// Bytes that are not valid UTF-8 are escaped one by one as "_0x<hex>_".
std::string ident(std::string_view text);

// The qstr hash of `bytes` with `bytes_in_hash` bytes kept (0 means 2, as qstr.c does); never 0.
std::uint32_t hash(std::string_view bytes, unsigned bytes_in_hash);

// A string as written in the C qstr pool: as-is when it is all printable ASCII without '\\' and
// '"', else every byte as \xNN.
std::string c_pool_literal(std::string_view bytes);

}  // namespace mpy::qstr
