// The diagnostic mpyc gives for a source it must refuse (compiled as "t.py" for -march `arch` and
// the `compat` release); a test failure, and an empty diagnostic, if it compiles.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "common/compat_version.h"
#include "common/diagnostics.h"
#include "compiler/compiler.h"

namespace mpy::test {

inline Diagnostic compile_diagnostic(const std::string& source, const std::string& arch, CompatVersion compat) {
    CompileOptions o;
    o.source_name = "t.py";
    o.arch = arch;
    o.compat = compat;
    try {
        compile_to_mpy(source, o);
    } catch (const DiagnosticError& e) {
        return e.diagnostic();
    }
    ADD_FAILURE() << "accepted for -march=" << arch << ":\n" << source;
    return {};
}

}  // namespace mpy::test
