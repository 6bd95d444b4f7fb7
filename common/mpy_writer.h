// Serialises an MpyModule to .mpy bytes exactly as MicroPython 1.27's mpy-cross does
// (py/persistentcode.c's save path), so a compiler only has to fill the model.
#pragma once

#include <string>

#include "common/mpy_model.h"

namespace mpy {

// The whole file.  Throws DiagnosticError (kind "error") if the model cannot be represented
// (arch number over 15, sub-version over 3, version over 255).
std::string write_mpy(const MpyModule& module);

// Building blocks, also used by mpytool merge (which splices tables and raw codes).
void write_qstr(std::string& out, const std::string& text);
void write_constant(std::string& out, const Constant& c);
void write_raw_code(std::string& out, const RawCode& rc);
// The 4-byte header and, if present, the arch-flags vuint.
void write_header(std::string& out, const ModuleHeader& header);

}  // namespace mpy
