#include "compiler/native_target.h"

#include "compiler/native_arch.h"
#include "compiler/native_emitter.h"

namespace mpy {

std::unique_ptr<NativeAsm> make_native_asm(NativeArch arch) {
    switch (arch) {
        case NativeArch::X64: return make_x64_backend();
        case NativeArch::ArmV6M: return make_thumb_backend(false);
        case NativeArch::ArmV7M:
        case NativeArch::ArmV7EM:
        case NativeArch::ArmV7EMSP:
        case NativeArch::ArmV7EMDP: return make_thumb_backend(true);
        default: return nullptr;
    }
}

std::unique_ptr<Emitter> make_native_emitter(ModuleBuilder& module, std::string_view arch) {
    const std::optional<NativeArch> a = arch_from_name(arch);
    if (!a || make_native_asm(*a) == nullptr) return nullptr;
    return std::make_unique<NativeEmitter>(module, *a);
}

}  // namespace mpy
