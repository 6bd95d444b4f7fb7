// mpytool diff: compares two .mpy files by function (matched by qualified name) and, inside
// bytecode functions, by instruction: arguments are compared by meaning (qstr text, constant
// value, jump target as an instruction number, child name), so code that merely moved or whose
// tables were numbered differently does not show up as changed.
#pragma once

#include <string>

#include "mpytool/loaded_file.h"

namespace mpy::tool {

struct DiffResult {
    bool identical = true;  // no semantic difference found
    std::string text;       // the report ("" when identical)
};

DiffResult diff_modules(const LoadedMpy& a, const LoadedMpy& b);

}  // namespace mpy::tool
