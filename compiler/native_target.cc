#include "compiler/native_target.h"

#include "compiler/native_emitter.h"

namespace mpy {

std::unique_ptr<Emitter> make_native_emitter(ModuleBuilder& module, std::string_view arch) {
    if (arch == "x64") return std::make_unique<NativeEmitter>(module);
    return nullptr;
}

}  // namespace mpy
