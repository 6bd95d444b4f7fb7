// The native back ends, one per architecture family (compiler/native_arch_<arch>.cc), each the
// generic assembler interface of compiler/native_asm.h over that architecture's assembler.
// make_native_asm (native_asm.h) picks one by -march.
#pragma once

#include <memory>

#include "compiler/native_asm.h"

namespace mpy {

std::unique_ptr<NativeAsm> make_x64_backend();
// armv7m: Thumb-2 is available (armv7m, armv7em, armv7emsp, armv7emdp); false: armv6m.
std::unique_ptr<NativeAsm> make_thumb_backend(bool armv7m);

}  // namespace mpy
