// NativeFunction: operators and subscripts, where viper's typed values (native ints, pointers)
// get inline machine code and Python objects go through the runtime.
#include "compiler/native/native_function.h"

#include "common/opcodes.h"
#include "compiler/bytecode/compile_error.h"
#include "compiler/native/native_runtime.h"

namespace mpy {

using namespace native_rt;
using SK = NativeFunction::StackEntry::Kind;

namespace {

bool is_int(VType v) { return v == VType::Int || v == VType::Uint; }

// The operator numbers codegen hands the emitter (common/opcodes.h), as ints for switch labels.
constexpr int op(BinaryOp o) { return static_cast<int>(o); }
constexpr int op(UnaryOp o) { return static_cast<int>(o); }
constexpr int kOpLess = op(BinaryOp::Less), kOpMore = op(BinaryOp::More), kOpEqual = op(BinaryOp::Equal),
              kOpLessEqual = op(BinaryOp::LessEqual), kOpMoreEqual = op(BinaryOp::MoreEqual),
              kOpNotEqual = op(BinaryOp::NotEqual), kOpIn = op(BinaryOp::In), kOpIs = op(BinaryOp::Is),
              kOpInplaceOr = op(BinaryOp::InplaceOr), kOpInplacePower = op(BinaryOp::InplacePower),
              kOpOr = op(BinaryOp::Or), kOpXor = op(BinaryOp::Xor), kOpAnd = op(BinaryOp::And),
              kOpLShift = op(BinaryOp::LShift), kOpRShift = op(BinaryOp::RShift), kOpAdd = op(BinaryOp::Add),
              kOpSubtract = op(BinaryOp::Subtract), kOpMultiply = op(BinaryOp::Multiply),
              kOpFloorDivide = op(BinaryOp::FloorDivide), kOpModulo = op(BinaryOp::Modulo);
// Pseudo ops past the bytecode's numbers, as the reference's MP_BINARY_OP_NOT_IN / IS_NOT: In/Is then Not.
constexpr int kOpNotIn = kBinaryOpCount, kOpIsNot = kBinaryOpCount + 1;
constexpr int kUnaryPositive = op(UnaryOp::Positive), kUnaryNegative = op(UnaryOp::Negative),
              kUnaryInvert = op(UnaryOp::Invert), kUnaryNot = op(UnaryOp::Not);
static_assert(kOpNotIn == 35 && kOpIsNot == 36, "the reference's pseudo-op numbers");

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

NWidth ptr_width(VType v) {
    switch (v) {
        case VType::Ptr8: return NWidth::W8;
        case VType::Ptr16: return NWidth::W16;
        default: return NWidth::W32;
    }
}

// base += index * element size, where the architecture has no indexed access, done as the
// reference does it: one add per byte of the element.
void add_scaled_index(NativeAsm& as, NWidth element, NReg base, NReg index) {
    const int bytes = element == NWidth::W8 ? 1 : element == NWidth::W16 ? 2 : 4;
    for (int i = 0; i < bytes; ++i) as.add(base, index);
}

NShift shift_kind(int op, VType lhs) {
    if (op == kOpLShift) return NShift::Left;
    return lhs == VType::Uint ? NShift::RightLogical : NShift::RightArith;
}

}  // namespace

// ---- subscripts ------------------------------------------------------------------------------------

void NativeFunction::load_subscr() {
    VType vtype_base = peek_vtype(1);
    if (vtype_base == VType::Obj) {
        VType vtype_index = peek_vtype(0);
        if (vtype_index == VType::Obj) {
            pre_pop_reg(&vtype_index, regs_.arg2);
        } else {
            pre_pop_reg(&vtype_index, regs_.arg1);
            call_with_imm(kConvertNativeToObj, static_cast<int>(vtype_index), regs_.arg2);
            as_.mov_reg_reg(regs_.arg2, regs_.ret);
        }
        pre_pop_reg(&vtype_base, regs_.arg1);
        call_with_imm(kObjSubscr, kObjSentinel, regs_.arg3);
        post_push_reg(VType::Obj, regs_.ret);
        return;
    }
    // viper load from a pointer
    StackEntry& top = peek(0);
    if (top.vtype == VType::Int && top.kind == SK::Imm) {
        const std::int64_t index = top.imm;
        pre_pop_discard();
        Reg reg_base = regs_.arg1;
        const Reg reg_index = regs_.arg2;
        pre_pop_reg_flexible(&vtype_base, &reg_base, reg_index, reg_index);
        need_reg_single(regs_.ret, 0);
        switch (vtype_base) {
            case VType::Ptr8:
            case VType::Ptr16:
            case VType::Ptr32:
                if (index != 0 && !as_.has_offset_load(ptr_width(vtype_base))) need_reg_single(reg_index, 0);
                as_.load(ptr_width(vtype_base), regs_.ret, reg_base, static_cast<std::int32_t>(index));
                break;
            default:
                viper_error("can't load from '" + std::string(vtype_name(vtype_base)) + "'");
        }
    } else {
        VType vtype_index;
        Reg reg_index = regs_.arg2;
        pre_pop_reg_flexible(&vtype_index, &reg_index, regs_.arg1, regs_.arg1);
        pre_pop_reg(&vtype_base, regs_.arg1);
        need_reg_single(regs_.ret, 0);
        if (!is_int(vtype_index)) {
            viper_error("can't load with '" + std::string(vtype_name(vtype_index)) + "' index");
        }
        switch (vtype_base) {
            case VType::Ptr8:
            case VType::Ptr16:
            case VType::Ptr32: {
                if (as_.has_indexed_access()) {
                    as_.load_indexed(ptr_width(vtype_base), regs_.ret, regs_.arg1, reg_index);
                } else {
                    add_scaled_index(as_, ptr_width(vtype_base), regs_.arg1, reg_index);
                    as_.load(ptr_width(vtype_base), regs_.ret, regs_.arg1, 0);
                }
                break;
            }
            default:
                viper_error("can't load from '" + std::string(vtype_name(vtype_base)) + "'");
        }
    }
    post_push_reg(VType::Int, regs_.ret);
}

void NativeFunction::store_subscr() {
    VType vtype_base = peek_vtype(1);
    if (vtype_base == VType::Obj) {
        VType vtype_index = peek_vtype(0);
        VType vtype_value = peek_vtype(2);
        if (vtype_index != VType::Obj || vtype_value != VType::Obj) {
            // convert the native values to objects in place
            stack_pointer_for_pop(regs_.arg1, 3);
            adjust(3);
        }
        pre_pop_reg(&vtype_index, regs_.arg2);
        pre_pop_reg(&vtype_base, regs_.arg1);
        pre_pop_reg(&vtype_value, regs_.arg3);
        call(kObjSubscr);
        return;
    }
    StackEntry& top = peek(0);
    if (top.vtype == VType::Int && top.kind == SK::Imm) {
        const std::int64_t index = top.imm;
        pre_pop_discard();
        VType vtype_value;
        Reg reg_base = regs_.arg1;
        const Reg reg_index = regs_.arg2;
        Reg reg_value = regs_.arg3;
        pre_pop_reg_flexible(&vtype_base, &reg_base, reg_index, reg_value);
        if (regs_.store_value_in_fixed_reg) {
            // x86 byte stores need one of the low four registers, so the value goes to rdx
            pre_pop_reg(&vtype_value, reg_value);
        } else {
            pre_pop_reg_flexible(&vtype_value, &reg_value, reg_base, reg_index);
        }
        if (vtype_value != VType::Bool && !is_int(vtype_value)) {
            viper_error("can't store '" + std::string(vtype_name(vtype_value)) + "'");
        }
        switch (vtype_base) {
            case VType::Ptr8:
            case VType::Ptr16:
            case VType::Ptr32:
                as_.store(ptr_width(vtype_base), reg_value, reg_base, static_cast<std::int32_t>(index));
                break;
            default:
                viper_error("can't store to '" + std::string(vtype_name(vtype_base)) + "'");
        }
    } else {
        VType vtype_index, vtype_value;
        Reg reg_index = regs_.arg2;
        Reg reg_value = regs_.arg3;
        pre_pop_reg_flexible(&vtype_index, &reg_index, regs_.arg1, reg_value);
        pre_pop_reg(&vtype_base, regs_.arg1);
        if (!is_int(vtype_index)) {
            viper_error("can't store with '" + std::string(vtype_name(vtype_index)) + "' index");
        }
        if (regs_.store_value_in_fixed_reg) {
            pre_pop_reg(&vtype_value, reg_value);
        } else {
            pre_pop_reg_flexible(&vtype_value, &reg_value, regs_.arg1, reg_index);
        }
        if (vtype_value != VType::Bool && !is_int(vtype_value)) {
            viper_error("can't store '" + std::string(vtype_name(vtype_value)) + "'");
        }
        switch (vtype_base) {
            case VType::Ptr8:
            case VType::Ptr16:
            case VType::Ptr32: {
                if (as_.has_indexed_access()) {
                    as_.store_indexed(ptr_width(vtype_base), reg_value, regs_.arg1, reg_index);
                } else {
                    add_scaled_index(as_, ptr_width(vtype_base), regs_.arg1, reg_index);
                    as_.store(ptr_width(vtype_base), reg_value, regs_.arg1, 0);
                }
                break;
            }
            default:
                viper_error("can't store to '" + std::string(vtype_name(vtype_base)) + "'");
        }
    }
}

void NativeFunction::delete_subscr() {
    VType index, base;
    pre_pop_reg(&index, regs_.arg2);
    pre_pop_reg(&base, regs_.arg1);
    require_obj(index, "a deleted subscript's index");
    require_obj(base, "a deleted subscript's base");
    call_with_imm(kObjSubscr, 0, regs_.arg3);  // MP_OBJ_NULL value deletes
}

// ---- operators ---------------------------------------------------------------------------------------

void NativeFunction::unary_op(int op) {
    VType vtype = peek_vtype(0);
    if (is_int(vtype)) {
        if (op == kUnaryPositive) {
            // nothing to do
        } else if (op == kUnaryNegative || op == kUnaryInvert) {
            Reg reg = regs_.ret;
            if (op == kUnaryInvert && !regs_.has_not_instruction) {
                // ~x as x ^ -1, with -1 in arg1 (so x must not be there)
                pre_pop_reg_flexible(&vtype, &reg, regs_.arg1, reg);
                as_.mov_reg_imm(regs_.arg1, -1);
                as_.xor_(reg, regs_.arg1);
            } else {
                pre_pop_reg_flexible(&vtype, &reg, reg, reg);
                if (op == kUnaryNegative) {
                    as_.neg(reg);
                } else {
                    as_.not_(reg);
                }
            }
            post_push_reg(vtype, reg);
        } else {
            viper_error("'not' not implemented");
        }
    } else if (vtype == VType::Obj) {
        pre_pop_reg(&vtype, regs_.arg2);
        call_with_imm(kUnaryOp, op, regs_.arg1);
        post_push_reg(VType::Obj, regs_.ret);
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
        const bool is_shift = op == kOpLShift || op == kOpRShift;
        if (is_shift && regs_.shift_count_reg) {
            // x86 shifts by cl: the count goes there first
            pre_pop_reg(&vtype_rhs, *regs_.shift_count_reg);
            pre_pop_reg(&vtype_lhs, regs_.ret);
            as_.shift(shift_kind(op, vtype_lhs), regs_.ret, *regs_.shift_count_reg);
            post_push_reg(vtype_lhs, regs_.ret);
            return;
        }
        if (op == kOpFloorDivide || op == kOpModulo) {
            pre_pop_reg(&vtype_rhs, regs_.arg2);
            pre_pop_reg(&vtype_lhs, regs_.arg1);
            if (vtype_lhs != VType::Int) viper_error("div/mod not implemented for uint");
            call(op == kOpFloorDivide ? kSmallIntFloorDivide : kSmallIntModulo);
            post_push_reg(VType::Int, regs_.ret);
            return;
        }
        Reg reg_rhs = regs_.arg3;
        pre_pop_reg_flexible(&vtype_rhs, &reg_rhs, regs_.ret, regs_.arg2);
        pre_pop_reg(&vtype_lhs, regs_.arg2);
        if (is_shift) {
            as_.shift(shift_kind(op, vtype_lhs), regs_.arg2, reg_rhs);
            post_push_reg(vtype_lhs, regs_.arg2);
            return;
        }
        switch (op) {
            case kOpOr: as_.or_(regs_.arg2, reg_rhs); break;
            case kOpXor: as_.xor_(regs_.arg2, reg_rhs); break;
            case kOpAnd: as_.and_(regs_.arg2, reg_rhs); break;
            case kOpAdd: as_.add(regs_.arg2, reg_rhs); break;
            case kOpSubtract: as_.sub(regs_.arg2, reg_rhs); break;
            case kOpMultiply: as_.mul(regs_.arg2, reg_rhs); break;
            case kOpLess:
            case kOpMore:
            case kOpEqual:
            case kOpLessEqual:
            case kOpMoreEqual:
            case kOpNotEqual: {
                if (vtype_lhs != vtype_rhs) viper_error("comparison of int and uint");
                need_reg_single(regs_.ret, 0);
                as_.compare_to_bool(static_cast<NCompare>(op - kOpLess), vtype_lhs == VType::Uint,
                                    regs_.arg2, reg_rhs, regs_.ret);
                post_push_reg(VType::Bool, regs_.ret);
                return;
            }
            default:
                adjust(1);
                viper_error(std::string("binary op ") + binary_op_method_name(op) + " not implemented");
                return;
        }
        post_push_reg(vtype_lhs, regs_.arg2);
    } else if (vtype_lhs == VType::Obj && vtype_rhs == VType::Obj) {
        pre_pop_reg(&vtype_rhs, regs_.arg3);
        pre_pop_reg(&vtype_lhs, regs_.arg2);
        bool invert = false;
        if (op == kOpNotIn) {
            invert = true;
            op = kOpIn;
        } else if (op == kOpIsNot) {
            invert = true;
            op = kOpIs;
        }
        call_with_imm(kBinaryOp, op, regs_.arg1);
        if (invert) {
            as_.mov_reg_reg(regs_.arg2, regs_.ret);
            call_with_imm(kUnaryOp, kUnaryNot, regs_.arg1);
        }
        post_push_reg(VType::Obj, regs_.ret);
    } else {
        adjust(-1);
        viper_error("can't do binary op between '" + std::string(vtype_name(vtype_lhs)) +
                    "' and '" + std::string(vtype_name(vtype_rhs)) + "'");
    }
}

}  // namespace mpy
