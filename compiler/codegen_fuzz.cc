// libFuzzer target: the whole compiler (parse, scope analysis, code generation, layout,
// serialisation) on arbitrary bytes.  A rejected program (DiagnosticError) is fine; anything else
// -- a crash, a sanitizer report, another exception type -- is a bug.  Every accepted program must
// also produce a .mpy that the reader accepts and that re-serialises to the same bytes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "common/diagnostics.h"
#include "common/mpy_reader.h"
#include "common/mpy_writer.h"
#include "compiler/compiler.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    mpy::CompileOptions options;
    options.source_name = "fuzz.py";
    // The first byte, when present, varies the options that change the generated code: small-int
    // width, -O level, and x64 machine code (for decorated functions, or for every scope with
    // -X emit=native / viper).
    if (size > 0) {
        options.small_int_bits = (data[0] & 1) ? 63 : 31;
        options.opt_level = (data[0] >> 1) & 3;
        if (data[0] & 8) options.arch = "x64";
        const unsigned emit = (data[0] >> 4) & 3;
        if (emit == 1) options.emit = "native";
        if (emit == 2) options.emit = "viper";
    }
    std::string_view source(reinterpret_cast<const char*>(data), size);
    std::string out;
    try {
        out = mpy::compile_to_mpy(source, options);
    } catch (const mpy::DiagnosticError&) {
        return 0;  // a rejected program
    }
    // The reader must accept what the compiler wrote, and the model must round-trip.
    mpy::MpyModule module = mpy::read_mpy(out, "fuzz.mpy");
    if (mpy::write_mpy(module) != out) std::abort();
    return 0;
}
