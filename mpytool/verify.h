// mpytool verify: checks that a .mpy file is well formed and that its bytecode is valid, so that
// MicroPython 1.27 can load and run it without reading out of bounds.
//   structure: the reader's checks (bounds, counts, nesting), trailing bytes, header sanity;
//   tables:    qstrs are UTF-8, numbers are numbers, fun-table only with native code;
//   bytecode:  preludes parse, every instruction decodes to a known opcode, qstr / constant /
//              child / local indices are in range, jumps land on instruction boundaries inside
//              the function, code does not run off its end, yields only in generators,
//              stack and exception-block depths stay within the prelude's sizes (stack_check.h);
//   native:    the prelude lies at the end of the machine code, relocation addresses inside
//              the code, known scope flags.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "mpytool/loaded_file.h"

namespace mpy::tool {

struct VerifyProblem {
    bool is_error = true;                  // false: a warning (exit status stays 0)
    std::optional<std::size_t> file_offset;
    std::string function;                  // qualified name, empty for file-level problems
    std::optional<std::size_t> code_offset;
    std::string message;
};

struct VerifyReport {
    std::vector<VerifyProblem> problems;
    std::size_t functions = 0;
    std::size_t instructions = 0;
    bool ok() const;
    // "f.mpy: ok (3 functions, 41 instructions)" or one line per problem.
    std::string render(const std::string& path) const;
};

VerifyReport verify_module(const LoadedMpy& file);

// Reads and verifies; a file the reader rejects gives a report with that error.
VerifyReport verify_bytes(const std::string& bytes, const std::string& path);

}  // namespace mpy::tool
