#include "compiler/native_target.h"
namespace mpy {
std::unique_ptr<Emitter> make_native_emitter(ModuleBuilder&, std::string_view) { return nullptr; }
}  // namespace mpy
