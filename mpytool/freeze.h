// mpytool freeze: C source for MicroPython 1.27's frozen-module build (frozen_content.c), the
// same text `mpy-tool.py -f` prints for the same inputs and options, so a port build can use it
// in place of the Python tool.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "mpytool/loaded_file.h"

namespace mpy::tool {

enum class LongIntImpl { None = 0, LongLong = 1, Mpz = 2 };

struct FreezeConfig {
    LongIntImpl longint_impl = LongIntImpl::Mpz;
    unsigned mpz_dig_size = 16;
    // From the firmware's qstr header (-q); without one, mpy-tool assumes 1 and 1.
    unsigned qstr_bytes_in_len = 1;
    unsigned qstr_bytes_in_hash = 1;
    // Identifiers (MP_QSTR_<ident>) the firmware already has beyond the static ones.
    std::set<std::string> firmware_qstr_idents;
};

// Reads "QCFG(BYTES_IN_LEN, (1))" and "Q(name)" lines of a preprocessed qstr header into `config`.
// Throws DiagnosticError if it has no QCFG lines (as mpy-tool refuses it).
void load_qstr_header(const std::string& text, FreezeConfig& config);

// The whole frozen_content.c.  Inputs are named by their LoadedMpy::path in comments, exactly as
// given.  Throws DiagnosticError where mpy-tool stops (mixed native archs, a long int the target
// cannot hold, native code with relocations).
std::string freeze_modules(const std::vector<LoadedMpy>& inputs, const FreezeConfig& config);

// What MicroPython's build (makemanifest.py) writes before mpy-tool's output in frozen_content.c
// when no module is frozen as source: an empty MICROPY_MODULE_FROZEN_STR section, which the port
// links against.  With it, freeze's output is a complete frozen_content.c for a port build.
std::string empty_frozen_str_section();

// ---- pieces shared with freeze_constants.cc ----

// Python's repr() of a str given as UTF-8 (quotes and escapes as CPython 3 prints them).
std::string python_str_repr(std::string_view utf8);
// Number of code points in UTF-8 text (Python's len() of the str).
std::size_t utf8_length(std::string_view utf8);

}  // namespace mpy::tool
