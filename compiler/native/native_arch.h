// The native back ends, one per architecture family (compiler/native/native_arch_<arch>.cc), each the
// generic assembler interface of compiler/native/native_asm.h over that architecture's assembler.
// make_native_asm (native_asm.h) picks one by -march.
#pragma once

#include <memory>

#include "compiler/native/native_asm.h"

namespace mpy {

std::unique_ptr<NativeAsm> make_x64_backend(const NativeConfig& config);
// 32-bit x86 (cdecl: arguments on the stack).
std::unique_ptr<NativeAsm> make_x86_backend(const NativeConfig& config);
// armv6m, and Thumb-2 for armv7m, armv7em, armv7emsp, armv7emdp.
std::unique_ptr<NativeAsm> make_thumb_backend(const NativeConfig& config);
// armv6 (ARM mode, 32-bit instructions).
std::unique_ptr<NativeAsm> make_arm_backend(const NativeConfig& config);
// -march=debug: no machine code, the operations as text in config.trace.
std::unique_ptr<NativeAsm> make_debug_backend(const NativeConfig& config);
// rv32imc (MicroPython 1.27's or 1.28's register roles and instruction choices by config.compat).
std::unique_ptr<NativeAsm> make_rv32_backend(const NativeConfig& config);
// xtensa (call0 ABI) and xtensawin (windowed ABI).
std::unique_ptr<NativeAsm> make_xtensa_backend(const NativeConfig& config);

}  // namespace mpy
