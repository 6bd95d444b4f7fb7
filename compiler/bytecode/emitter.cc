#include "compiler/bytecode/emitter.h"

namespace mpy {

// Out of line so that the interface's vtable and type info live in one object file.
Emitter::~Emitter() = default;

void Emitter::load_const(const ast::ConstValue& value) {
    using Kind = ast::ConstValue::Kind;
    switch (value.kind) {
        case Kind::None: return load_none();
        case Kind::False: return load_false();
        case Kind::True: return load_true();
        case Kind::Ellipsis: return load_ellipsis();
        case Kind::Int:
            if (value.small_int) return load_small_int(value.int64);
            break;
        case Kind::Str:
            if (value.interned) return load_const_str(value.text);
            break;
        default:
            break;
    }
    load_const_obj(value);
}

}  // namespace mpy
