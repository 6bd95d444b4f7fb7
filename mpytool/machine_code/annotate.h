// What a native function's loads refer to, resolved from the .mpy: entries of mp_fun_table, the
// module's qstrs, its constant objects and child functions.  Native code reaches them through
// fixed registers (REG_FUN_TABLE, REG_QSTR_TABLE) and through the function object's context, as
// py/emitnative.c lays it out; the annotator writes what it finds into Instruction::comment.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "common/mpy_format.h"
#include "mpytool/machine_code/instruction.h"

namespace mpy::machine_code {

// The names the annotator puts into comments.
struct ModuleNames {
    std::function<std::string(std::size_t)> qstr;      // index into the module's qstr table: 'foo'
    std::function<std::string(std::size_t)> constant;  // index into its constant table: repr
    std::function<std::string(std::size_t)> child;     // index into the function's children
};

// mp_fun_table entry `index` by its MP_F_* meaning ("binary_op", "load_global", ...), or its number.
std::string fun_table_entry_name(std::size_t index);

// Fills `comment` of the instructions whose loads resolve, and of pc-relative literal loads
// ("= 0x12345678").  `code` is the function's machine code, for literal values.
// `emitter_code`: made by the native/viper emitter, so its fixed registers hold the tables;
// inline assembler code (false) gets only its literal values explained.
void annotate(NativeArch arch, std::vector<Instruction>& insns, std::span<const std::uint8_t> code,
              const ModuleNames& names, bool emitter_code);

}  // namespace mpy::machine_code
