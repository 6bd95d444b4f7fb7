// libFuzzer target: lex + parse arbitrary bytes.  Errors (DiagnosticError) are expected; anything
// else -- a crash, a sanitizer report, another exception type, a hang -- is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/diagnostics.h"
#include "compiler/frontend/ast_dump.h"
#include "compiler/frontend/parser.h"
#include "common/large_stack.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view source(reinterpret_cast<const char*>(data), size);
    mpy::ParseOptions options;
    // The first byte, when present, varies the options that change parsing.
    if (size > 0) {
        options.small_int_bits = (data[0] & 1) ? 63 : 31;
        options.optimize_level = (data[0] >> 1) & 3;
        // 1.27's lexer (--compat=1.27) and 1.28's read f-strings and t-strings differently.
        options.compat = (data[0] & 8) ? mpy::CompatVersion::V1_27 : mpy::CompatVersion::V1_28;
    }
    // Parse, walk and destroy the tree on a large stack: deep trees are legal up to the
    // parser's nesting limit, and their recursive destruction must not overflow either.
    mpy::run_with_large_stack([&] {
        try {
            mpy::ast::Module module = mpy::parse_module(source, "fuzz.py", options);
            (void)mpy::ast::dump(module, true);
        } catch (const mpy::DiagnosticError&) {
            // a rejected program: fine
        }
    });
    return 0;
}
