#include "compiler/emitter.h"

namespace mpy {

// Out of line so that the interface's vtable and type info live in one object file.
Emitter::~Emitter() = default;

}  // namespace mpy
