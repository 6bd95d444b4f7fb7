// Stack-discipline check for one bytecode function: simulates the value-stack depth and the
// exception-block depth over the control-flow graph and reports where the depth would go below
// zero, beyond the room the prelude reserves (n_state minus the locals), or where two paths
// reach the same offset with different depths.
#pragma once

#include <vector>

#include "mpytool/code_walk.h"

namespace mpy::tool {

// Problems found in `view` (bytecode only, fully decoded, every opcode known).  The number of
// locals is not stored in a .mpy, so a lower bound is used: the argument slots and every local
// slot an instruction or the closure table names.
std::vector<CodeProblem> check_stack_discipline(const FunctionView& view);

}  // namespace mpy::tool
