// --compile: .py files that come from URLs, repositories and host folders are compiled on the
// host, with mpytools' own compiler, into .mpy for the board's .mpy version, so the board does
// not spend RAM compiling them at import.  Index files are left alone (the index already serves
// .mpy for the board's version), and so are boot.py and main.py, which the board runs by name.
#pragma once

#include <string>
#include <vector>

#include "remote/mip/resolver.h"

namespace mpy::mip {

// The .mpy version mpytools' compiler writes ("6").
std::string compiler_mpy_version();

// Compiles every fetched .py of `packages` that is eligible (see above) and renames its target
// to .mpy.  Throws DiagnosticError with the compiler's message (file and line) when a file does
// not compile, and when the board's .mpy version is not the compiler's.
void compile_sources(std::vector<PlannedPackage>& packages, const std::string& board_mpy_version);

}  // namespace mpy::mip
