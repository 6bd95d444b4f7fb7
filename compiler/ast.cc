// Behaviour of AST helper values.
#include "compiler/ast.h"

namespace mpy::ast {

// Python truthiness of a constant, as MicroPython's mp_obj_is_true would answer it.
bool ConstValue::is_true() const {
    switch (kind) {
        case Kind::None:
        case Kind::False:
            return false;
        case Kind::True:
        case Kind::Ellipsis:
            return true;
        case Kind::Int:
            return int_decimal != "0";
        case Kind::Float:
            return real != 0.0;  // NaN is true, as in Python
        case Kind::Complex:
            return real != 0.0 || imag != 0.0;
        case Kind::Str:
        case Kind::Bytes:
            return !text.empty();
        case Kind::Tuple:
            return !items.empty();
    }
    return false;
}

}  // namespace mpy::ast
