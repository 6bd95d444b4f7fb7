// NativeFunction: loads, stores, calls, building, iteration and imports -- the operations
// that go through the runtime's function table.
#include "compiler/native_function.h"

#include "compiler/codegen.h"
#include "compiler/native_runtime.h"
#include "compiler/viper_types.h"

namespace mpy {

using x64::Width;
using namespace native_rt;
using SK = NativeFunction::StackEntry::Kind;

// ---- constants -------------------------------------------------------------------------------------

// An interned string is a qstr object, taken from the constant table.
void NativeFunction::load_const_str(const std::string& s) {
    need_reg_single(kRegTemp0, 0);
    ast::ConstValue v;
    v.kind = ast::ConstValue::Kind::Str;
    v.text = s;
    v.interned = true;
    load_reg_with_object(kRegTemp0, v, nullptr);
    post_push_reg(VType::Obj, kRegTemp0);
}

void NativeFunction::load_const_obj(std::size_t index) {
    need_reg_single(kRegTemp0, 0);
    load_reg_with_object(kRegTemp0, (*in_.constants)[index], (*in_.constant_ids)[index]);
    post_push_reg(VType::Obj, kRegTemp0);
}

// ---- locals ----------------------------------------------------------------------------------------

void NativeFunction::load_fast(std::uint32_t local) {
    const VType vtype = local_vtype_[local];
    if (vtype == VType::Unbound) {
        viper_error("local '" + local_name(local) + "' used before type known");
    }
    if (static_cast<int>(local) < kMaxRegsForLocals && can_use_regs_for_locals()) {
        post_push_reg(vtype, kRegLocals[local]);
    } else {
        need_reg_single(kRegTemp0, 0);
        mov_reg_state(kRegTemp0, local_idx_local_var(static_cast<int>(local)));
        post_push_reg(vtype, kRegTemp0);
    }
}

void NativeFunction::load_deref(std::uint32_t local) {
    need_reg_single(kRegRet, 0);
    load_fast(local);
    VType vtype;
    Reg base = kRegRet;
    pre_pop_reg_flexible(&vtype, &base, -1, -1);
    as_.load(Width::W64, kRegRet, base, 8);  // the cell's contents
    post_push_reg(VType::Obj, kRegRet);
}

void NativeFunction::store_fast(std::uint32_t local) {
    VType vtype;
    if (static_cast<int>(local) < kMaxRegsForLocals && can_use_regs_for_locals()) {
        pre_pop_reg(&vtype, kRegLocals[local]);
    } else {
        pre_pop_reg(&vtype, kRegTemp0);
        mov_state_reg(local_idx_local_var(static_cast<int>(local)), kRegTemp0);
    }
    VType& declared = local_vtype_[local];
    if (declared == VType::Unbound) {
        declared = vtype;  // the first store gives the local its type
    } else if (declared != vtype) {
        viper_error("local '" + local_name(local) + "' has type '" + std::string(vtype_name(declared)) +
                    "' but source is '" + std::string(vtype_name(vtype)) + "'");
    }
}

void NativeFunction::store_deref(std::uint32_t local) {
    need_reg_single(kRegTemp0, 0);
    need_reg_single(kRegTemp1, 0);
    load_fast(local);
    VType vtype;
    Reg base = kRegTemp0;
    pre_pop_reg_flexible(&vtype, &base, -1, -1);
    Reg src = kRegTemp1;
    pre_pop_reg_flexible(&vtype, &src, base, base);
    as_.store(Width::W64, src, base, 8);
}

// ---- globals ---------------------------------------------------------------------------------------

void NativeFunction::load_global(const std::string& name, bool is_name) {
    if (!is_name && do_viper_types_) {
        // int(x), ptr8(x)...: a cast, resolved at compile time
        const int t = viper_type_of(name);
        if (t >= static_cast<int>(VType::Bool)) {
            post_push_imm(VType::BuiltinCast, t);
            return;
        }
    }
    call_with_qstr(is_name ? kLoadName : kLoadGlobal, name, kRegArg1);
    post_push_reg(VType::Obj, kRegRet);
}

void NativeFunction::store_global(const std::string& name, bool is_name) {
    VType vtype;
    if (is_name) {
        pre_pop_reg(&vtype, kRegArg2);
        require_obj(vtype, "a value stored by name");
    } else {
        vtype = peek_vtype(0);
        if (vtype == VType::Obj) {
            pre_pop_reg(&vtype, kRegArg2);
        } else {
            pre_pop_reg(&vtype, kRegArg1);
            call_with_imm(kConvertNativeToObj, static_cast<int>(vtype), kRegArg2);
            as_.mov_reg_reg(kRegArg2, kRegRet);
        }
    }
    call_with_qstr(is_name ? kStoreName : kStoreGlobal, name, kRegArg1);
}

// ---- attributes and methods ---------------------------------------------------------------------

void NativeFunction::load_attr(const std::string& name) {
    VType vtype;
    pre_pop_reg(&vtype, kRegArg1);
    require_obj(vtype, "the base of an attribute");
    call_with_qstr(kLoadAttr, name, kRegArg2);
    post_push_reg(VType::Obj, kRegRet);
}

void NativeFunction::store_attr(const std::string& name) {
    VType vtype_base;
    VType vtype_val = peek_vtype(1);
    if (vtype_val == VType::Obj) {
        pre_pop_reg(&vtype_base, kRegArg1);
        pre_pop_reg(&vtype_val, kRegArg3);
    } else {
        access_stack(2, &vtype_val, kRegArg1);
        call_with_imm(kConvertNativeToObj, static_cast<int>(vtype_val), kRegArg2);
        as_.mov_reg_reg(kRegArg3, kRegRet);
        pre_pop_reg(&vtype_base, kRegArg1);
        adjust(-1);
    }
    require_obj(vtype_base, "the base of an attribute");
    call_with_qstr(kStoreAttr, name, kRegArg2);
}

void NativeFunction::delete_attr(const std::string& name) {
    VType vtype;
    pre_pop_reg(&vtype, kRegArg1);
    require_obj(vtype, "the base of an attribute");
    as_.xor_(kRegArg3, kRegArg3);  // storing NULL deletes
    call_with_qstr(kStoreAttr, name, kRegArg2);
}

void NativeFunction::load_method(const std::string& name, bool is_super) {
    if (is_super) {
        stack_pointer_for_pop(kRegArg2, 3);
        stack_pointer_for_push(kRegArg2, 2);
        call_with_qstr(kLoadSuperMethod, name, kRegArg1);
    } else {
        VType vtype;
        pre_pop_reg(&vtype, kRegArg1);
        require_obj(vtype, "the base of a method");
        stack_pointer_for_push(kRegArg3, 2);
        call_with_qstr(kLoadMethod, name, kRegArg2);
    }
}

// ---- stack -----------------------------------------------------------------------------------------

void NativeFunction::dup_top() {
    VType vtype;
    Reg reg = kRegTemp0;
    pre_pop_reg_flexible(&vtype, &reg, -1, -1);
    post_push_reg(vtype, reg);
    post_push_reg(vtype, reg);
}

void NativeFunction::dup_top_two() {
    VType v0, v1;
    pre_pop_reg(&v0, kRegTemp0);
    pre_pop_reg(&v1, kRegTemp1);
    post_push_reg(v1, kRegTemp1);
    post_push_reg(v0, kRegTemp0);
    post_push_reg(v1, kRegTemp1);
    post_push_reg(v0, kRegTemp0);
}

void NativeFunction::rot_two() {
    VType v0, v1;
    pre_pop_reg(&v0, kRegTemp0);
    pre_pop_reg(&v1, kRegTemp1);
    post_push_reg(v0, kRegTemp0);
    post_push_reg(v1, kRegTemp1);
}

void NativeFunction::rot_three() {
    VType v0, v1, v2;
    pre_pop_reg(&v0, kRegTemp0);
    pre_pop_reg(&v1, kRegTemp1);
    pre_pop_reg(&v2, kRegTemp2);
    post_push_reg(v0, kRegTemp0);
    post_push_reg(v2, kRegTemp2);
    post_push_reg(v1, kRegTemp1);
}

// ---- jumps -----------------------------------------------------------------------------------------

void NativeFunction::jump(std::size_t label) {
    need_stack_settled();
    as_.jmp(label);
    as_.suppress_code();
}

void NativeFunction::jump_helper(bool cond, std::size_t label, bool pop) {
    VType vtype = peek_vtype(0);
    if (vtype == VType::Obj) {
        pre_pop_reg(&vtype, kRegArg1);
        if (!pop) adjust(1);
        call(kObjIsTrue);
    } else {
        pre_pop_reg(&vtype, kRegRet);
        if (!pop) adjust(1);
        if (!(vtype == VType::Bool || vtype == VType::Int || vtype == VType::Uint)) {
            viper_error("can't implicitly convert '" + std::string(vtype_name(vtype)) +
                        "' to 'bool'");
        }
    }
    if (!pop) saved_stack_vtype_ = vtype;
    need_stack_settled();
    if (cond) {
        as_.jump_if_nonzero(kRegRet, label, vtype == VType::Obj);
    } else {
        as_.jump_if_zero(kRegRet, label, vtype == VType::Obj);
    }
    if (!pop) adjust(-1);
}

// ---- building --------------------------------------------------------------------------------------

void NativeFunction::build(NativeOpKind kind, std::uint32_t n) {
    int fun = kBuildTuple;
    switch (kind) {
        case NativeOpKind::BuildList: fun = kBuildList; break;
        case NativeOpKind::BuildMap: fun = kBuildMap; break;
        case NativeOpKind::BuildSet: fun = kBuildSet; break;
        default: break;
    }
    if (kind != NativeOpKind::BuildMap) stack_pointer_for_pop(kRegArg2, static_cast<int>(n));
    call_with_imm(fun, n, kRegArg1);
    post_push_reg(VType::Obj, kRegRet);
}

void NativeFunction::build_slice(std::uint32_t n) {
    VType v;
    if (n == 2) {
        pre_pop_reg(&v, kRegArg2);
        VType start;
        pre_pop_reg(&start, kRegArg1);
        require_obj(start, "a slice bound");
        require_obj(v, "a slice bound");
        mov_reg_fun_const(kRegArg3, kConstNoneObj);
    } else {
        VType stop, step;
        pre_pop_reg(&step, kRegArg3);
        pre_pop_reg(&stop, kRegArg2);
        pre_pop_reg(&v, kRegArg1);
        require_obj(v, "a slice bound");
        require_obj(stop, "a slice bound");
        require_obj(step, "a slice step");
    }
    call(kNewSlice);
    post_push_reg(VType::Obj, kRegRet);
}

void NativeFunction::store_map() {
    VType key, value, map;
    pre_pop_reg(&key, kRegArg2);
    pre_pop_reg(&value, kRegArg3);
    pre_pop_reg(&map, kRegArg1);
    require_obj(key, "a dict key");
    require_obj(value, "a dict value");
    require_obj(map, "a dict");
    call(kStoreMap);
    post_push_reg(VType::Obj, kRegRet);
}

void NativeFunction::store_comp(CompKind kind, std::uint32_t index) {
    VType v;
    int fun = kListAppend;
    if (kind == CompKind::List) {
        pre_pop_reg(&v, kRegArg2);
        require_obj(v, "a list item");
    } else if (kind == CompKind::Set) {
        pre_pop_reg(&v, kRegArg2);
        require_obj(v, "a set item");
        fun = kStoreSet;
    } else {
        pre_pop_reg(&v, kRegArg2);
        require_obj(v, "a dict key");
        pre_pop_reg(&v, kRegArg3);
        require_obj(v, "a dict value");
        fun = kStoreMap;
    }
    access_stack(static_cast<int>(index), &v, kRegArg1);
    require_obj(v, "a comprehension's collection");
    call(fun);
}

void NativeFunction::unpack_sequence(std::uint32_t n) {
    VType v;
    pre_pop_reg(&v, kRegArg1);
    require_obj(v, "an unpacked sequence");
    stack_pointer_for_push(kRegArg3, static_cast<int>(n));
    call_with_imm(kUnpackSequence, n, kRegArg2);
}

void NativeFunction::unpack_ex(std::uint32_t n_left, std::uint32_t n_right) {
    VType v;
    pre_pop_reg(&v, kRegArg1);
    require_obj(v, "an unpacked sequence");
    stack_pointer_for_push(kRegArg3, static_cast<int>(n_left + n_right + 1));
    call_with_imm(kUnpackEx, n_left | (n_right << 8), kRegArg2);
}

// ---- functions ---------------------------------------------------------------------------------------

void NativeFunction::make_function(std::uint32_t child, std::uint32_t n_closed,
                                   std::uint32_t n_pos_defaults, std::uint32_t n_kw_defaults,
                                   bool closure) {
    const bool defaults = n_pos_defaults != 0 || n_kw_defaults != 0;
    mov_reg_state(kRegArg2, local_idx_fun_obj());
    as_.load(Width::W64, kRegArg2, kRegArg2, 8 * kFunBcContext);
    if (!defaults) {
        need_reg_all();
        as_.mov_reg_imm(kRegArg3, 0);
    } else if (!closure) {
        stack_pointer_for_pop(kRegArg3, 2);
        need_reg_all();
    } else {
        stack_pointer_for_pop(kRegArg3, 2 + static_cast<int>(n_closed));
        adjust(2 + static_cast<int>(n_closed));
        need_reg_all();
    }
    load_reg_with_child(kRegArg1, child);
    as_.call_ind(kMakeFunctionFromProtoFun);
    if (closure) {
        as_.mov_reg_reg(kRegArg1, kRegRet);
        as_.mov_reg_imm(kRegArg2, n_closed);
        stack_pointer_for_pop(kRegArg3, static_cast<int>(n_closed));
        if (defaults) adjust(-2);
        as_.call_ind(kNewClosure);
    }
    post_push_reg(VType::Obj, kRegRet);
}

void NativeFunction::call_function(std::uint32_t n_pos, std::uint32_t n_kw, bool star) {
    const VType vtype_fun = peek_vtype(static_cast<int>(n_pos + 2 * n_kw));
    if (vtype_fun == VType::BuiltinCast) {
        if (n_pos != 1 || n_kw != 0 || star) {
            throw CompileError{"NotImplementedError",
                               "viper: a cast takes exactly one positional argument (mpy-cross "
                               "1.27 aborts on this)",
                               0};
        }
        const auto cast = static_cast<VType>(peek(1).imm);
        const VType arg = peek_vtype(0);
        switch (arg) {
            case VType::Obj: {
                VType v;
                pre_pop_reg(&v, kRegArg1);
                pre_pop_discard();
                call_with_imm(kConvertObjToNative, static_cast<int>(cast), kRegArg2);
                post_push_reg(cast, kRegRet);
                break;
            }
            case VType::Bool:
            case VType::Int:
            case VType::Uint:
            case VType::Ptr:
            case VType::Ptr8:
            case VType::Ptr16:
            case VType::Ptr32:
            case VType::PtrNone:
                fold_stack_top(kRegArg1);
                post_top_set_vtype(cast);
                break;
            default:
                not_implemented("casting");
        }
        return;
    }
    require_obj(vtype_fun, "a called function");
    const int n_args = static_cast<int>(n_pos + 2 * n_kw);
    if (star) {
        stack_pointer_for_pop(kRegArg3, n_args + 2);
        call_with_2_imm(kCallMethodNKwVar, 0, kRegArg1, n_pos | (n_kw << 8), kRegArg2);
    } else {
        if (n_args != 0) stack_pointer_for_pop(kRegArg3, n_args);
        VType v;
        pre_pop_reg(&v, kRegArg1);
        call_with_imm(kCallFunctionNKw, n_pos | (n_kw << 8), kRegArg2);
    }
    post_push_reg(VType::Obj, kRegRet);
}

void NativeFunction::call_method(std::uint32_t n_pos, std::uint32_t n_kw, bool star) {
    const int n_args = static_cast<int>(n_pos + 2 * n_kw);
    if (star) {
        stack_pointer_for_pop(kRegArg3, n_args + 3);
        call_with_2_imm(kCallMethodNKwVar, 1, kRegArg1, n_pos | (n_kw << 8), kRegArg2);
    } else {
        stack_pointer_for_pop(kRegArg3, 2 + n_args);
        call_with_2_imm(kCallMethodNKw, n_pos, kRegArg1, n_kw, kRegArg2);
    }
    post_push_reg(VType::Obj, kRegRet);
}

void NativeFunction::return_value() {
    if (is_generator()) {
        stack_pointer_for_pop(kRegTemp0, 1);
        mov_state_reg(kCodeStateSp, kRegTemp0);
        as_.mov_reg_imm(kRegTemp0, kVmReturnNormal);
        as_.mov_local_reg(kIdxRetVal, kRegTemp0);
        unwind_jump(exit_label_, static_cast<unsigned>(handlers_.size()));
        return;
    }
    if (do_viper_types_) {
        const VType ret = return_vtype_;
        if (peek_vtype(0) == VType::PtrNone) {
            pre_pop_discard();
            if (ret == VType::Obj) {
                mov_reg_fun_const(kRegRet, kConstNoneObj);
            } else {
                as_.mov_reg_imm(kRegArg1, 0);
            }
        } else {
            VType vtype;
            pre_pop_reg(&vtype, ret == VType::Obj ? kRegRet : kRegArg1);
            if (vtype != ret) {
                viper_error("return expected '" + std::string(vtype_name(ret)) + "' but got '" +
                            std::string(vtype_name(vtype)) + "'");
            }
        }
        if (ret != VType::Obj) call_with_imm(kConvertNativeToObj, static_cast<int>(ret), kRegArg2);
    } else {
        VType vtype;
        pre_pop_reg(&vtype, kRegRet);
    }
    if (need_global_exc_handler()) as_.mov_local_reg(kIdxRetVal, kRegRet);
    unwind_jump(exit_label_, static_cast<unsigned>(handlers_.size()));
}

void NativeFunction::raise(unsigned n_args) {
    if (n_args != 1) {
        // mpy-cross 1.27 aborts on an assertion here (bare raise / raise from in native code).
        not_implemented("native raise with other than one argument");
    }
    VType vtype;
    pre_pop_reg(&vtype, kRegArg1);
    if (vtype != VType::Obj) viper_error("must raise an object");
    call(kNativeRaise);
    as_.suppress_code();
}

// ---- iteration -------------------------------------------------------------------------------------

void NativeFunction::get_iter(bool use_stack) {
    VType vtype;
    pre_pop_reg(&vtype, kRegArg1);
    require_obj(vtype, "an iterated value");
    if (use_stack) {
        stack_pointer_for_push(kRegArg2, kIterBufSlots);
        call(kGetIter);
    } else {
        as_.mov_reg_imm(kRegArg2, 0);  // the runtime allocates the iter_buf
        call(kGetIter);
        post_push_reg(VType::Obj, kRegRet);
    }
}

void NativeFunction::for_iter(std::size_t label) {
    stack_pointer_for_pop(kRegArg1, kIterBufSlots);
    adjust(kIterBufSlots);
    call(kIterNext);
    as_.jump_if_zero(kRegRet, label, false);  // MP_OBJ_STOP_ITERATION is 0
    post_push_reg(VType::Obj, kRegRet);
}

// ---- imports -----------------------------------------------------------------------------------------

void NativeFunction::import_name(const std::string& name) {
    // fromlist and level must be objects: viper types are off while they are popped.
    const bool viper = do_viper_types_;
    do_viper_types_ = false;
    VType v;
    pre_pop_reg(&v, kRegArg2);
    pre_pop_reg(&v, kRegArg3);
    do_viper_types_ = viper;
    call_with_qstr(kImportName, name, kRegArg1);
    post_push_reg(VType::Obj, kRegRet);
}

void NativeFunction::import_from(const std::string& name) {
    VType v;
    access_stack(1, &v, kRegArg1);
    require_obj(v, "a module");
    call_with_qstr(kImportFrom, name, kRegArg2);
    post_push_reg(VType::Obj, kRegRet);
}

void NativeFunction::import_star() {
    VType v;
    pre_pop_reg(&v, kRegArg1);
    require_obj(v, "a module");
    call(kImportAll);
}

}  // namespace mpy
