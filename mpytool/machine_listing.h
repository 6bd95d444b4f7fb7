// The disassembled machine code of one native function, for `mpytool dis`: objdump-like rows
// (offset, bytes, mnemonic, operands), labels at branch targets, and comments naming what the
// code loads (fun_table entries, qstrs, constants, children) from the module's tables.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "common/mpy_model.h"
#include "mpytool/code_walk.h"

namespace mpy::tool {

std::string render_machine_code(const MpyModule& m, const FunctionView& v, const std::vector<FunctionView>& views,
                                std::span<const std::uint8_t> machine_code);

}  // namespace mpy::tool
