// Which machine-code emitter -march selects.  mpy-cross 1.27 has native emitters for x86, x64,
// armv6m..armv7emdp, xtensa, xtensawin and rv32imc (none for rv64imc: "invalid arch"); mpyc
// generates x64, x86, armv6 (ARM mode), the Thumb family, xtensa, xtensawin, rv32imc and the debug
// text (compiler/native/native_arch.h lists the back ends).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "common/compat_version.h"
#include "compiler/bytecode/code_builder.h"
#include "compiler/bytecode/emitter.h"

namespace mpy {

// The native emitter for `arch` (an -march name), or null if mpyc cannot generate its code.
// `compat` chooses whose machine code (1.27's or 1.28's mpy-cross) is reproduced.
// `trace` (-march=debug only): where the operations are written as text; may be null.
std::unique_ptr<Emitter> make_native_emitter(ModuleBuilder& module, std::string_view arch, CompatVersion compat,
                                             unsigned arch_flags, std::string* trace = nullptr);

}  // namespace mpy
