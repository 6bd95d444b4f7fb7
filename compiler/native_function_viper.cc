// NativeFunction: operators and subscripts, where viper's typed values (native ints, pointers)
// get inline machine code and Python objects go through the runtime.
#include "compiler/native_function.h"

#include "compiler/codegen.h"
#include "compiler/native_runtime.h"

namespace mpy {

using x64::Width;
using namespace native_rt;
using SK = NativeFunction::StackEntry::Kind;

namespace {

bool is_int(VType v) { return v == VType::Int || v == VType::Uint; }

// MP_BINARY_OP_* numbers (common/opcodes.h BinaryOp has the same values).
constexpr int kOpLess = 0, kOpMore = 1, kOpEqual = 2, kOpLessEqual = 3, kOpMoreEqual = 4,
              kOpNotEqual = 5, kOpIn = 6, kOpIs = 7, kOpInplaceOr = 9, kOpInplacePower = 21,
              kOpOr = 22, kOpXor = 23, kOpAnd = 24, kOpLShift = 25, kOpRShift = 26, kOpAdd = 27,
              kOpSubtract = 28, kOpMultiply = 29, kOpFloorDivide = 31, kOpModulo = 33;
constexpr int kOpNotIn = 35, kOpIsNot = 36;  // pseudo ops: In/Is then Not
constexpr int kUnaryPositive = 0, kUnaryNegative = 1, kUnaryInvert = 2, kUnaryNot = 3;

// mp_binary_op_method_name as mpy-cross 1.27 is configured (core features: no "all special
// methods"): the name viper's "binary op %q not implemented" prints; "" where the table has none.
const char* binary_op_method_name(int op) {
    switch (op) {
        case kOpLess: return "__lt__";
        case kOpMore: return "__gt__";
        case kOpEqual: return "__eq__";
        case kOpLessEqual: return "__le__";
        case kOpMoreEqual: return "__ge__";
        case kOpNotEqual: return "__ne__";
        case 14: return "__iadd__";
        case 15: return "__isub__";
        case kOpAdd: return "__add__";
        case kOpSubtract: return "__sub__";
        default: return "";
    }
}

Width ptr_width(VType v) {
    switch (v) {
        case VType::Ptr8: return Width::W8;
        case VType::Ptr16: return Width::W16;
        default: return Width::W32;
    }
}

// base += index * element size, done as the reference does it: one add per byte of the element
// (a Width's value is its size in bytes).
void add_scaled_index(AsmX64& as, Width element, NativeFunction::Reg base, NativeFunction::Reg index) {
    for (int i = 0; i < static_cast<int>(element); ++i) as.add(base, index);
}

}  // namespace

// ---- subscripts ------------------------------------------------------------------------------------

void NativeFunction::load_subscr() {
    VType vtype_base = peek_vtype(1);
    if (vtype_base == VType::Obj) {
        VType vtype_index = peek_vtype(0);
        if (vtype_index == VType::Obj) {
            pre_pop_reg(&vtype_index, kRegArg2);
        } else {
            pre_pop_reg(&vtype_index, kRegArg1);
            call_with_imm(kConvertNativeToObj, static_cast<int>(vtype_index), kRegArg2);
            as_.mov_reg_reg(kRegArg2, kRegRet);
        }
        pre_pop_reg(&vtype_base, kRegArg1);
        call_with_imm(kObjSubscr, kObjSentinel, kRegArg3);
        post_push_reg(VType::Obj, kRegRet);
        return;
    }
    // viper load from a pointer
    StackEntry& top = peek(0);
    if (top.vtype == VType::Int && top.kind == SK::Imm) {
        const std::int64_t index = top.imm;
        pre_pop_discard();
        Reg reg_base = kRegArg1;
        const Reg reg_index = kRegArg2;
        pre_pop_reg_flexible(&vtype_base, &reg_base, reg_index, reg_index);
        need_reg_single(kRegRet, 0);
        switch (vtype_base) {
            case VType::Ptr8:
            case VType::Ptr16:
            case VType::Ptr32:
                as_.load_index(ptr_width(vtype_base), kRegRet, reg_base,
                               static_cast<std::int32_t>(index));
                break;
            default:
                viper_error("can't load from '" + std::string(vtype_name(vtype_base)) + "'");
        }
    } else {
        VType vtype_index;
        Reg reg_index = kRegArg2;
        pre_pop_reg_flexible(&vtype_index, &reg_index, kRegArg1, kRegArg1);
        pre_pop_reg(&vtype_base, kRegArg1);
        need_reg_single(kRegRet, 0);
        if (!is_int(vtype_index)) {
            viper_error("can't load with '" + std::string(vtype_name(vtype_index)) + "' index");
        }
        switch (vtype_base) {
            case VType::Ptr8:
            case VType::Ptr16:
            case VType::Ptr32: {
                add_scaled_index(as_, ptr_width(vtype_base), kRegArg1, reg_index);
                as_.load(ptr_width(vtype_base), kRegRet, kRegArg1, 0);
                break;
            }
            default:
                viper_error("can't load from '" + std::string(vtype_name(vtype_base)) + "'");
        }
    }
    post_push_reg(VType::Int, kRegRet);
}

void NativeFunction::store_subscr() {
    VType vtype_base = peek_vtype(1);
    if (vtype_base == VType::Obj) {
        VType vtype_index = peek_vtype(0);
        VType vtype_value = peek_vtype(2);
        if (vtype_index != VType::Obj || vtype_value != VType::Obj) {
            // convert the native values to objects in place
            stack_pointer_for_pop(kRegArg1, 3);
            adjust(3);
        }
        pre_pop_reg(&vtype_index, kRegArg2);
        pre_pop_reg(&vtype_base, kRegArg1);
        pre_pop_reg(&vtype_value, kRegArg3);
        call(kObjSubscr);
        return;
    }
    StackEntry& top = peek(0);
    if (top.vtype == VType::Int && top.kind == SK::Imm) {
        const std::int64_t index = top.imm;
        pre_pop_discard();
        VType vtype_value;
        Reg reg_base = kRegArg1;
        const Reg reg_index = kRegArg2;
        const Reg reg_value = kRegArg3;
        pre_pop_reg_flexible(&vtype_base, &reg_base, reg_index, reg_value);
        // x86 byte stores need one of the low four registers, so the value goes to rdx
        pre_pop_reg(&vtype_value, reg_value);
        if (vtype_value != VType::Bool && !is_int(vtype_value)) {
            viper_error("can't store '" + std::string(vtype_name(vtype_value)) + "'");
        }
        switch (vtype_base) {
            case VType::Ptr8:
            case VType::Ptr16:
            case VType::Ptr32:
                as_.store_index(ptr_width(vtype_base), reg_value, reg_base,
                                static_cast<std::int32_t>(index));
                break;
            default:
                viper_error("can't store to '" + std::string(vtype_name(vtype_base)) + "'");
        }
    } else {
        VType vtype_index, vtype_value;
        Reg reg_index = kRegArg2;
        const Reg reg_value = kRegArg3;
        pre_pop_reg_flexible(&vtype_index, &reg_index, kRegArg1, reg_value);
        pre_pop_reg(&vtype_base, kRegArg1);
        if (!is_int(vtype_index)) {
            viper_error("can't store with '" + std::string(vtype_name(vtype_index)) + "' index");
        }
        pre_pop_reg(&vtype_value, reg_value);
        if (vtype_value != VType::Bool && !is_int(vtype_value)) {
            viper_error("can't store '" + std::string(vtype_name(vtype_value)) + "'");
        }
        switch (vtype_base) {
            case VType::Ptr8:
            case VType::Ptr16:
            case VType::Ptr32: {
                add_scaled_index(as_, ptr_width(vtype_base), kRegArg1, reg_index);
                as_.store(ptr_width(vtype_base), reg_value, kRegArg1, 0);
                break;
            }
            default:
                viper_error("can't store to '" + std::string(vtype_name(vtype_base)) + "'");
        }
    }
}

void NativeFunction::delete_subscr() {
    VType index, base;
    pre_pop_reg(&index, kRegArg2);
    pre_pop_reg(&base, kRegArg1);
    require_obj(index, "a deleted subscript's index");
    require_obj(base, "a deleted subscript's base");
    call_with_imm(kObjSubscr, 0, kRegArg3);  // MP_OBJ_NULL value deletes
}

// ---- operators ---------------------------------------------------------------------------------------

void NativeFunction::unary_op(int op) {
    VType vtype = peek_vtype(0);
    if (is_int(vtype)) {
        if (op == kUnaryPositive) {
            // nothing to do
        } else if (op == kUnaryNegative || op == kUnaryInvert) {
            Reg reg = kRegRet;
            pre_pop_reg_flexible(&vtype, &reg, reg, reg);
            if (op == kUnaryNegative) {
                as_.neg(reg);
            } else {
                as_.not_(reg);
            }
            post_push_reg(vtype, reg);
        } else {
            viper_error("'not' not implemented");
        }
    } else if (vtype == VType::Obj) {
        pre_pop_reg(&vtype, kRegArg2);
        call_with_imm(kUnaryOp, op, kRegArg1);
        post_push_reg(VType::Obj, kRegRet);
    } else {
        viper_error("can't do unary op of '" + std::string(vtype_name(vtype)) + "'");
    }
}

void NativeFunction::binary_op(int op, bool invert_flag) {
    // Our interface passes `not in` / `is not` as In/Is + invert; the reference's pseudo ops.
    if (invert_flag) op = op == kOpIn ? kOpNotIn : kOpIsNot;
    VType vtype_lhs = peek_vtype(1);
    VType vtype_rhs = peek_vtype(0);
    if (is_int(vtype_lhs) && is_int(vtype_rhs)) {
        if (op >= kOpInplaceOr && op <= kOpInplacePower) op += kOpOr - kOpInplaceOr;
        if (op == kOpLShift || op == kOpRShift) {
            // x86 shifts by cl
            pre_pop_reg(&vtype_rhs, x64::RCX);
            pre_pop_reg(&vtype_lhs, kRegRet);
            if (op == kOpLShift) {
                as_.shl_cl(kRegRet);
            } else if (vtype_lhs == VType::Uint) {
                as_.shr_cl(kRegRet);
            } else {
                as_.sar_cl(kRegRet);
            }
            post_push_reg(vtype_lhs, kRegRet);
            return;
        }
        if (op == kOpFloorDivide || op == kOpModulo) {
            pre_pop_reg(&vtype_rhs, kRegArg2);
            pre_pop_reg(&vtype_lhs, kRegArg1);
            if (vtype_lhs != VType::Int) viper_error("div/mod not implemented for uint");
            call(op == kOpFloorDivide ? kSmallIntFloorDivide : kSmallIntModulo);
            post_push_reg(VType::Int, kRegRet);
            return;
        }
        Reg reg_rhs = kRegArg3;
        pre_pop_reg_flexible(&vtype_rhs, &reg_rhs, kRegRet, kRegArg2);
        pre_pop_reg(&vtype_lhs, kRegArg2);
        switch (op) {
            case kOpOr: as_.or_(kRegArg2, reg_rhs); break;
            case kOpXor: as_.xor_(kRegArg2, reg_rhs); break;
            case kOpAnd: as_.and_(kRegArg2, reg_rhs); break;
            case kOpAdd: as_.add(kRegArg2, reg_rhs); break;
            case kOpSubtract: as_.sub(kRegArg2, reg_rhs); break;
            case kOpMultiply: as_.mul(kRegArg2, reg_rhs); break;
            case kOpLess:
            case kOpMore:
            case kOpEqual:
            case kOpLessEqual:
            case kOpMoreEqual:
            case kOpNotEqual: {
                if (vtype_lhs != vtype_rhs) viper_error("comparison of int and uint");
                static constexpr x64::Cond kUnsigned[] = {x64::CC_B, x64::CC_A, x64::CC_E,
                                                          x64::CC_BE, x64::CC_AE, x64::CC_NE};
                static constexpr x64::Cond kSigned[] = {x64::CC_L, x64::CC_G, x64::CC_E,
                                                        x64::CC_LE, x64::CC_GE, x64::CC_NE};
                need_reg_single(kRegRet, 0);
                as_.xor_(kRegRet, kRegRet);
                as_.cmp(kRegArg2, reg_rhs);
                as_.setcc(vtype_lhs == VType::Uint ? kUnsigned[op] : kSigned[op], kRegRet);
                post_push_reg(VType::Bool, kRegRet);
                return;
            }
            default:
                adjust(1);
                viper_error(std::string("binary op ") + binary_op_method_name(op) + " not implemented");
                return;
        }
        post_push_reg(vtype_lhs, kRegArg2);
    } else if (vtype_lhs == VType::Obj && vtype_rhs == VType::Obj) {
        pre_pop_reg(&vtype_rhs, kRegArg3);
        pre_pop_reg(&vtype_lhs, kRegArg2);
        bool invert = false;
        if (op == kOpNotIn) {
            invert = true;
            op = kOpIn;
        } else if (op == kOpIsNot) {
            invert = true;
            op = kOpIs;
        }
        call_with_imm(kBinaryOp, op, kRegArg1);
        if (invert) {
            as_.mov_reg_reg(kRegArg2, kRegRet);
            call_with_imm(kUnaryOp, kUnaryNot, kRegArg1);
        }
        post_push_reg(VType::Obj, kRegRet);
    } else {
        adjust(-1);
        viper_error("can't do binary op between '" + std::string(vtype_name(vtype_lhs)) +
                    "' and '" + std::string(vtype_name(vtype_rhs)) + "'");
    }
}

}  // namespace mpy
