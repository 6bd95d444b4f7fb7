// Which machine-code emitter -march selects.  mpy-cross 1.27 has native emitters for x86, x64,
// armv6m..armv7emdp, xtensa, xtensawin and rv32imc; mpyc generates x64 and the Thumb family so
// far (compiler/native_arch.h lists the back ends).
#pragma once

#include <memory>
#include <string_view>

#include "compiler/code_builder.h"
#include "compiler/emitter.h"

namespace mpy {

// The native emitter for `arch` (an -march name), or null if mpyc cannot generate its code.
std::unique_ptr<Emitter> make_native_emitter(ModuleBuilder& module, std::string_view arch);

}  // namespace mpy
