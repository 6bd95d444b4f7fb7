// The value-stack effect of each MicroPython bytecode instruction that falls through, in one
// place: the bytecode emitter counts its stack depth with it (which decides n_state in the
// prelude) and mpytool's stack checker replays it over decoded code.  Control flow (jumps, SETUP_*,
// END_FINALLY, WITH_CLEANUP, FOR_ITER, RETURN_VALUE, RAISE_*) is not here: what it does to the
// stack depends on the path, and each of the two tools models that itself.
#pragma once

#include <cstdint>

namespace mpy {

// Entries pushed minus entries popped by `opcode` with argument `arg` (count, packed counts, or a
// STORE_COMP argument); `closed_over` is MAKE_CLOSURE(_DEFARGS)'s extra byte.  0 for control flow.
int plain_stack_effect(std::uint8_t opcode, std::int64_t arg, unsigned closed_over = 0);

}  // namespace mpy
