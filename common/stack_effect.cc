#include "common/stack_effect.h"

#include "common/opcodes.h"

namespace mpy {
namespace {

long low_byte(std::int64_t arg) { return static_cast<long>(arg & 0xff); }
long high_byte(std::int64_t arg) { return static_cast<long>((arg >> 8) & 0xff); }

long effect(std::uint8_t o, std::int64_t a, unsigned closed_over) {
    if (o >= op::LOAD_CONST_SMALL_INT_MULTI && o < op::LOAD_FAST_MULTI) return 1;
    if (o >= op::LOAD_FAST_MULTI && o < op::STORE_FAST_MULTI) return 1;
    if (o >= op::STORE_FAST_MULTI && o < op::UNARY_OP_MULTI) return -1;
    if (o >= op::UNARY_OP_MULTI && o < op::BINARY_OP_MULTI) return 0;
    if (o >= op::BINARY_OP_MULTI) return -1;
    switch (o) {
        case op::LOAD_CONST_STRING: case op::LOAD_NAME: case op::LOAD_GLOBAL:
        case op::LOAD_CONST_SMALL_INT: case op::LOAD_CONST_OBJ: case op::LOAD_FAST_N: case op::LOAD_DEREF:
        case op::LOAD_CONST_FALSE: case op::LOAD_CONST_NONE: case op::LOAD_CONST_TRUE: case op::LOAD_NULL:
        case op::LOAD_BUILD_CLASS: case op::DUP_TOP: case op::IMPORT_FROM: case op::MAKE_FUNCTION:
        case op::LOAD_METHOD:  // obj -> method, self
            return 1;
        case op::LOAD_SUPER_METHOD:  // method name lookup on (super, class, self) -> method, self
            return -1;
        case op::LOAD_ATTR: case op::DELETE_NAME: case op::DELETE_GLOBAL: case op::DELETE_FAST:
        case op::DELETE_DEREF: case op::ROT_TWO: case op::ROT_THREE: case op::GET_ITER:
        case op::YIELD_VALUE:  // value out, sent value in
            return 0;
        case op::STORE_NAME: case op::STORE_GLOBAL: case op::STORE_FAST_N: case op::STORE_DEREF:
        case op::LOAD_SUBSCR: case op::POP_TOP: case op::IMPORT_NAME: case op::IMPORT_STAR:
        case op::MAKE_FUNCTION_DEFARGS: case op::YIELD_FROM:
            return -1;
        case op::STORE_ATTR: case op::STORE_MAP:
            return -2;
        case op::STORE_SUBSCR:
            return -3;
        case op::DUP_TOP_TWO:
            return 2;
        case op::GET_ITER_STACK:  // the object becomes an iterator buffer
            return kIterBufSlots - 1;
        case op::WITH_CLEANUP:  // drops __exit__ and the context manager
            return -2;
        case op::BUILD_TUPLE: case op::BUILD_LIST: case op::BUILD_SET: case op::BUILD_SLICE:
            return 1 - static_cast<long>(a);
        case op::BUILD_MAP:
            return 1;
        case op::STORE_COMP:  // a dict comprehension stores a key and a value
            return (a & 3) == 1 ? -2 : -1;
        case op::UNPACK_SEQUENCE:
            return static_cast<long>(a) - 1;
        case op::UNPACK_EX:
            return low_byte(a) + high_byte(a);
        case op::MAKE_CLOSURE:
            return 1 - static_cast<long>(closed_over);
        case op::MAKE_CLOSURE_DEFARGS:
            return -1 - static_cast<long>(closed_over);
        case op::CALL_FUNCTION:
            return -(low_byte(a) + 2 * high_byte(a));
        case op::CALL_FUNCTION_VAR_KW:
            return -(low_byte(a) + 2 * high_byte(a) + 1);
        case op::CALL_METHOD:
            return -(low_byte(a) + 2 * high_byte(a) + 1);
        case op::CALL_METHOD_VAR_KW:
            return -(low_byte(a) + 2 * high_byte(a) + 2);
        default:
            return 0;
    }
}

}  // namespace

int plain_stack_effect(std::uint8_t opcode, std::int64_t arg, unsigned closed_over) {
    return static_cast<int>(effect(opcode, arg, closed_over));
}

}  // namespace mpy
