// Public entry point of the mpyc compiler library: Python source text in, .mpy bytes out.
//
// The output is byte-identical to what MicroPython's mpy-cross (1.28, or 1.27 per CompileOptions::compat)
// produces for the same source and the same options.  This is the only function the mpyc driver calls.
#pragma once

#include <string>
#include <string_view>

#include "compiler/codegen/compile_options.h"

namespace mpy {

// Compiles a whole module (file input).  Throws mpy::DiagnosticError (kind "SyntaxError",
// "IndentationError", ...) with the message and location mpy-cross would report.
std::string compile_to_mpy(std::string_view source, const CompileOptions& options);

}  // namespace mpy
