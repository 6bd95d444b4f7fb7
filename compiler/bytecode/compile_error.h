// The error a stage after the parser raises (codegen, the emitters, the inline assemblers): a
// SyntaxError, ViperTypeError, NotImplementedError... before compile_to_mpy turns it into a
// Diagnostic with the file name.  In the earliest stage that throws it, so later ones need not
// include the code generator for it.
#pragma once

#include <string>

namespace mpy {

struct CompileError {
    std::string kind = "SyntaxError";
    std::string message;
    int line = 0;  // 0 = not known yet
};

}  // namespace mpy
