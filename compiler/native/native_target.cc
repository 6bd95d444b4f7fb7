#include "compiler/native/native_target.h"

#include "compiler/native/native_arch.h"
#include "compiler/native/native_emitter.h"

namespace mpy {

std::unique_ptr<NativeAsm> make_native_asm(const NativeConfig& config) {
    switch (config.arch) {
        case NativeArch::X86: return make_x86_backend(config);
        case NativeArch::X64: return make_x64_backend(config);
        case NativeArch::ArmV6: return make_arm_backend(config);
        case NativeArch::ArmV6M:
        case NativeArch::ArmV7M:
        case NativeArch::ArmV7EM:
        case NativeArch::ArmV7EMSP:
        case NativeArch::ArmV7EMDP: return make_thumb_backend(config);
        case NativeArch::RV32IMC: return make_rv32_backend(config);
        case NativeArch::Xtensa:
        case NativeArch::XtensaWin: return make_xtensa_backend(config);
        case NativeArch::Debug: return make_debug_backend(config);
        default: return nullptr;
    }
}

std::unique_ptr<Emitter> make_native_emitter(ModuleBuilder& module, std::string_view arch, CompatVersion compat,
                                             unsigned arch_flags, std::string* trace) {
    const std::optional<NativeArch> a = arch_from_name(arch);
    if (!a) return nullptr;
    const NativeConfig config{*a, compat, arch_flags, trace};
    if (make_native_asm(config) == nullptr) return nullptr;
    return std::make_unique<NativeEmitter>(module, config);
}

}  // namespace mpy
