// What one compilation is asked for (mpy-cross's command-line options that shape the output):
// read by the code generator and by compile_to_mpy (compiler/compiler.h), which takes it.
#pragma once

#include <string>

#include "common/compat_version.h"

namespace mpy {

struct CompileOptions {
    // Name stored in the .mpy as the module's source file (mpy-cross: the input path as given on
    // the command line with '\' turned into '/', or the -s argument; "<stdin>" for stdin).
    std::string source_name;
    // The input path as mpy-cross got it (after '\' -> '/'), when it differs from source_name
    // (-s given).  mpy-cross interns it as a qstr before parsing, which can decide whether a long
    // string literal equal to it becomes a qstr.  Empty: same as source_name.
    std::string input_path;
    // -O level (mpy-cross -O<N> / -OO...).  0: keep asserts, __debug__ is True.
    // >=1: asserts removed, __debug__ is False.  >=3: no line-number table.
    int opt_level = 0;
    // -msmall-int-bits=N: largest integer that fits a small int in the target (mpy-cross default 31).
    // Decides which integer constants are inlined in bytecode and which go to the constant table.
    int small_int_bits = 31;
    // -march=<arch>; "" means plain bytecode (mpy-cross default).  Machine code is generated for
    // x64 and the Thumb family (armv6m, armv7m, armv7em*, with @micropython.asm_thumb); a
    // function that needs another architecture's native emitter or inline assembler raises a
    // DiagnosticError (NotImplementedError).
    std::string arch;
    // -march-flags= value (only rv32imc has flags).  mpy-cross writes it into the header (feature
    // bit 0x40 + vuint) whenever it is non-zero and the arch is rv32imc, even for pure bytecode.
    unsigned arch_flags = 0;
    // -X emit=bytecode|native|viper; "" or "bytecode" is the default bytecode emitter.
    std::string emit;
    // false: the syntax tree and tables are left allocated when compile_to_mpy returns (like
    // clang's -disable-free), for a process that exits right after compiling one file.
    bool free_memory = true;
    // Which mpy-cross release the output reproduces (they differ in native code, and 1.28 adds
    // t-strings and nested f-strings to the language).
    CompatVersion compat = kDefaultCompat;
    // -march=debug: the native emitter's operations are appended here as text (mpy-cross prints
    // them on stdout as it compiles, so they are there even when a later function fails).
    // Not owned; null: not recorded.
    std::string* native_trace = nullptr;
};

}  // namespace mpy
