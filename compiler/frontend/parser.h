// The parser: MicroPython 1.27 / 1.28 source -> folded syntax tree (compiler/frontend/ast.h).
//
// Accepts and rejects exactly what mpy-cross 1.27 (or 1.28) accepts and rejects, reports syntax errors
// with the same exception class and line, and folds constants exactly as mpy-cross's parser
// does (see ast.h for what the tree then contains).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/compat_version.h"
#include "compiler/frontend/ast.h"

namespace mpy {

struct ParseOptions {
    // Bits of a small int on the target (mpy-cross -msmall-int-bits); decides which ints are
    // small-int leaves and which are int objects.
    int small_int_bits = 31;
    // mpy-cross -O level: `__debug__` is True at 0, False above.
    int optimize_level = 0;
    // Strings that are qstrs before parsing starts, besides mpy-cross's built-in ones: the input
    // path exactly as given on the mpy-cross command line, and the -s source name if any.  A
    // string literal longer than 10 bytes is interned only if it is already a qstr.
    std::vector<std::string> preinterned;
    // Maximum nesting of expressions/blocks before the parser gives up with a MemoryError, the
    // way mpy-cross eventually does (it copes with several thousand levels).
    int max_nesting = 10000;
    // Which release's language to accept (1.28 adds t-strings and nested f-strings) and whose
    // built-in qstrs to know.
    CompatVersion compat = kDefaultCompat;
};

// Parses a whole file.  Throws DiagnosticError on error: kind "SyntaxError" or
// "IndentationError" with the line mpy-cross reports (and a column); lexer-level errors that
// mpy-cross reports without a line ("NotImplementedError: unicode name escapes", "RuntimeError:
// name too long", "MemoryError") have line 0.
//
// Runs on a thread with a large stack, so deeply nested input cannot overflow the caller's stack.
ast::Module parse_module(std::string_view source, const std::string& filename, const ParseOptions& options = {});

// True if `s` is one of mpy-cross's built-in qstrs longer than 10 bytes in that release (the only
// ones that matter for interning decisions, since shorter strings are always interned).
bool is_builtin_long_qstr(std::string_view s, CompatVersion compat = kDefaultCompat);

}  // namespace mpy
