// Internals of mpytool freeze shared by freeze.cc (modules, raw codes, qstr pool) and
// freeze_constants.cc (constant objects).  Not a public interface.
#pragma once

#include <string>
#include <unordered_set>

#include "common/mpy_model.h"
#include "mpytool/freeze.h"

namespace mpy::tool::freeze_detail {

// The byte-size tallies mpy-tool prints in its closing comment.
struct Counters {
    long qstr_content = 0;
    long bc_content = 0;
    long const_str_content = 0;
    long const_int_content = 0;
    long const_obj_content = 0;
    long const_table_qstr_content = 0;
    long const_table_ptr_content = 0;
    long raw_code_count = 0;
    long raw_code_content = 0;
};

struct State {
    const FreezeConfig& config;
    std::string out;
    Counters counts;
    // Strings that are qstrs somewhere in the build (static, or collected from the inputs).
    std::unordered_set<std::string> known_qstrs;
    NativeArch arch = NativeArch::None;

    void line(const std::string& s) {
        out += s;
        out += '\n';
    }
};

// Emits the C definitions a constant needs and returns the expression that refers to it
// (MP_ROM_QSTR(...), MP_ROM_INT(...), MP_ROM_PTR(&name), a macro name, ...).  Throws
// DiagnosticError where mpy-tool raises FreezeError.
std::string freeze_constant(State& st, const std::string& source_file, const std::string& obj_name, const Constant& c);

}  // namespace mpy::tool::freeze_detail
