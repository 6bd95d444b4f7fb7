// NativeFunction: loads, stores, calls, building, iteration and imports -- the operations
// that go through the runtime's function table.
#include "compiler/native/native_function.h"

#include "compiler/bytecode/compile_error.h"
#include "compiler/native/native_runtime.h"
#include "compiler/scope/viper_types.h"

namespace mpy {

using namespace native_rt;
using SK = NativeFunction::StackEntry::Kind;

// ---- constants -------------------------------------------------------------------------------------

// An interned string is a qstr object, taken from the constant table.
void NativeFunction::load_const_str(const std::string& s) {
    need_reg_single(regs_.temp0, 0);
    ast::ConstValue v;
    v.kind = ast::ConstValue::Kind::Str;
    v.text = s;
    v.interned = true;
    load_reg_with_object(regs_.temp0, v, nullptr);
    post_push_reg(VType::Obj, regs_.temp0);
}

void NativeFunction::load_const_obj(std::size_t index) {
    need_reg_single(regs_.temp0, 0);
    load_reg_with_object(regs_.temp0, (*in_.constants)[index], (*in_.constant_ids)[index]);
    post_push_reg(VType::Obj, regs_.temp0);
}

// ---- locals ----------------------------------------------------------------------------------------

void NativeFunction::load_fast(std::uint32_t local) {
    const VType vtype = local_vtype_[local];
    if (vtype == VType::Unbound) {
        viper_error("local '" + local_name(local) + "' used before type known");
    }
    if (static_cast<int>(local) < kMaxRegsForLocals && can_use_regs_for_locals()) {
        post_push_reg(vtype, reg_local(local));
    } else {
        need_reg_single(regs_.temp0, 0);
        mov_reg_state(regs_.temp0, local_idx_local_var(static_cast<int>(local)));
        post_push_reg(vtype, regs_.temp0);
    }
}

void NativeFunction::load_deref(std::uint32_t local) {
    need_reg_single(regs_.ret, 0);
    load_fast(local);
    VType vtype;
    Reg base = regs_.ret;
    pre_pop_reg_flexible(&vtype, &base, -1, -1);
    as_.load(NWidth::Word, regs_.ret, base, 1);  // the cell's contents
    post_push_reg(VType::Obj, regs_.ret);
}

void NativeFunction::store_fast(std::uint32_t local) {
    VType vtype;
    if (static_cast<int>(local) < kMaxRegsForLocals && can_use_regs_for_locals()) {
        pre_pop_reg(&vtype, reg_local(local));
    } else {
        pre_pop_reg(&vtype, regs_.temp0);
        mov_state_reg(local_idx_local_var(static_cast<int>(local)), regs_.temp0);
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
    need_reg_single(regs_.temp0, 0);
    need_reg_single(regs_.temp1, 0);
    load_fast(local);
    VType vtype;
    Reg base = regs_.temp0;
    pre_pop_reg_flexible(&vtype, &base, -1, -1);
    Reg src = regs_.temp1;
    pre_pop_reg_flexible(&vtype, &src, base, base);
    as_.store(NWidth::Word, src, base, 1);
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
    call_with_qstr(is_name ? kLoadName : kLoadGlobal, name, regs_.arg1);
    post_push_reg(VType::Obj, regs_.ret);
}

void NativeFunction::store_global(const std::string& name, bool is_name) {
    VType vtype;
    if (is_name) {
        pre_pop_reg(&vtype, regs_.arg2);
        require_obj(vtype, "a value stored by name");
    } else {
        vtype = peek_vtype(0);
        if (vtype == VType::Obj) {
            pre_pop_reg(&vtype, regs_.arg2);
        } else {
            pre_pop_reg(&vtype, regs_.arg1);
            call_with_imm(kConvertNativeToObj, static_cast<int>(vtype), regs_.arg2);
            as_.mov_reg_reg(regs_.arg2, regs_.ret);
        }
    }
    call_with_qstr(is_name ? kStoreName : kStoreGlobal, name, regs_.arg1);
}

// ---- attributes and methods ---------------------------------------------------------------------

void NativeFunction::load_attr(const std::string& name) {
    VType vtype;
    pre_pop_reg(&vtype, regs_.arg1);
    require_obj(vtype, "the base of an attribute");
    call_with_qstr(kLoadAttr, name, regs_.arg2);
    post_push_reg(VType::Obj, regs_.ret);
}

void NativeFunction::store_attr(const std::string& name) {
    VType vtype_base;
    VType vtype_val = peek_vtype(1);
    if (vtype_val == VType::Obj) {
        pre_pop_reg(&vtype_base, regs_.arg1);
        pre_pop_reg(&vtype_val, regs_.arg3);
    } else {
        access_stack(2, &vtype_val, regs_.arg1);
        call_with_imm(kConvertNativeToObj, static_cast<int>(vtype_val), regs_.arg2);
        as_.mov_reg_reg(regs_.arg3, regs_.ret);
        pre_pop_reg(&vtype_base, regs_.arg1);
        adjust(-1);
    }
    require_obj(vtype_base, "the base of an attribute");
    call_with_qstr(kStoreAttr, name, regs_.arg2);
}

void NativeFunction::delete_attr(const std::string& name) {
    VType vtype;
    pre_pop_reg(&vtype, regs_.arg1);
    require_obj(vtype, "the base of an attribute");
    clear(regs_.arg3);  // storing NULL deletes
    call_with_qstr(kStoreAttr, name, regs_.arg2);
}

void NativeFunction::load_method(const std::string& name, bool is_super) {
    if (is_super) {
        stack_pointer_for_pop(regs_.arg2, 3);
        stack_pointer_for_push(regs_.arg2, 2);
        call_with_qstr(kLoadSuperMethod, name, regs_.arg1);
    } else {
        VType vtype;
        pre_pop_reg(&vtype, regs_.arg1);
        require_obj(vtype, "the base of a method");
        stack_pointer_for_push(regs_.arg3, 2);
        call_with_qstr(kLoadMethod, name, regs_.arg2);
    }
}

// ---- stack -----------------------------------------------------------------------------------------

void NativeFunction::dup_top() {
    VType vtype;
    Reg reg = regs_.temp0;
    pre_pop_reg_flexible(&vtype, &reg, -1, -1);
    post_push_reg(vtype, reg);
    post_push_reg(vtype, reg);
}

void NativeFunction::dup_top_two() {
    VType v0, v1;
    pre_pop_reg(&v0, regs_.temp0);
    pre_pop_reg(&v1, regs_.temp1);
    post_push_reg(v1, regs_.temp1);
    post_push_reg(v0, regs_.temp0);
    post_push_reg(v1, regs_.temp1);
    post_push_reg(v0, regs_.temp0);
}

void NativeFunction::rot_two() {
    VType v0, v1;
    pre_pop_reg(&v0, regs_.temp0);
    pre_pop_reg(&v1, regs_.temp1);
    post_push_reg(v0, regs_.temp0);
    post_push_reg(v1, regs_.temp1);
}

void NativeFunction::rot_three() {
    VType v0, v1, v2;
    pre_pop_reg(&v0, regs_.temp0);
    pre_pop_reg(&v1, regs_.temp1);
    pre_pop_reg(&v2, regs_.temp2);
    post_push_reg(v0, regs_.temp0);
    post_push_reg(v2, regs_.temp2);
    post_push_reg(v1, regs_.temp1);
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
        pre_pop_reg(&vtype, regs_.arg1);
        if (!pop) adjust(1);
        call(kObjIsTrue);
    } else {
        pre_pop_reg(&vtype, regs_.ret);
        if (!pop) adjust(1);
        if (!(vtype == VType::Bool || vtype == VType::Int || vtype == VType::Uint)) {
            viper_error("can't implicitly convert '" + std::string(vtype_name(vtype)) +
                        "' to 'bool'");
        }
    }
    if (!pop) saved_stack_vtype_ = vtype;
    need_stack_settled();
    if (cond) {
        as_.jump_if_nonzero(regs_.ret, label, vtype == VType::Obj);
    } else {
        as_.jump_if_zero(regs_.ret, label, vtype == VType::Obj);
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
    if (kind != NativeOpKind::BuildMap) stack_pointer_for_pop(regs_.arg2, static_cast<int>(n));
    call_with_imm(fun, n, regs_.arg1);
    post_push_reg(VType::Obj, regs_.ret);
}

void NativeFunction::build_slice(std::uint32_t n) {
    VType v;
    if (n == 2) {
        pre_pop_reg(&v, regs_.arg2);
        VType start;
        pre_pop_reg(&start, regs_.arg1);
        require_obj(start, "a slice bound");
        require_obj(v, "a slice bound");
        mov_reg_fun_const(regs_.arg3, kConstNoneObj);
    } else {
        VType stop, step;
        pre_pop_reg(&step, regs_.arg3);
        pre_pop_reg(&stop, regs_.arg2);
        pre_pop_reg(&v, regs_.arg1);
        require_obj(v, "a slice bound");
        require_obj(stop, "a slice bound");
        require_obj(step, "a slice step");
    }
    call(kNewSlice);
    post_push_reg(VType::Obj, regs_.ret);
}

void NativeFunction::store_map() {
    VType key, value, map;
    pre_pop_reg(&key, regs_.arg2);
    pre_pop_reg(&value, regs_.arg3);
    pre_pop_reg(&map, regs_.arg1);
    require_obj(key, "a dict key");
    require_obj(value, "a dict value");
    require_obj(map, "a dict");
    call(kStoreMap);
    post_push_reg(VType::Obj, regs_.ret);
}

void NativeFunction::store_comp(CompKind kind, std::uint32_t index) {
    VType v;
    int fun = kListAppend;
    if (kind == CompKind::List) {
        pre_pop_reg(&v, regs_.arg2);
        require_obj(v, "a list item");
    } else if (kind == CompKind::Set) {
        pre_pop_reg(&v, regs_.arg2);
        require_obj(v, "a set item");
        fun = kStoreSet;
    } else {
        pre_pop_reg(&v, regs_.arg2);
        require_obj(v, "a dict key");
        pre_pop_reg(&v, regs_.arg3);
        require_obj(v, "a dict value");
        fun = kStoreMap;
    }
    access_stack(static_cast<int>(index), &v, regs_.arg1);
    require_obj(v, "a comprehension's collection");
    call(fun);
}

void NativeFunction::unpack_sequence(std::uint32_t n) {
    VType v;
    pre_pop_reg(&v, regs_.arg1);
    require_obj(v, "an unpacked sequence");
    stack_pointer_for_push(regs_.arg3, static_cast<int>(n));
    call_with_imm(kUnpackSequence, n, regs_.arg2);
}

void NativeFunction::unpack_ex(std::uint32_t n_left, std::uint32_t n_right) {
    VType v;
    pre_pop_reg(&v, regs_.arg1);
    require_obj(v, "an unpacked sequence");
    stack_pointer_for_push(regs_.arg3, static_cast<int>(n_left + n_right + 1));
    call_with_imm(kUnpackEx, n_left | (n_right << 8), regs_.arg2);
}

// ---- functions ---------------------------------------------------------------------------------------

void NativeFunction::make_function(std::uint32_t child, std::uint32_t n_closed,
                                   std::uint32_t n_pos_defaults, std::uint32_t n_kw_defaults,
                                   bool closure) {
    const bool defaults = n_pos_defaults != 0 || n_kw_defaults != 0;
    mov_reg_state(regs_.arg2, local_idx_fun_obj());
    as_.load(NWidth::Word, regs_.arg2, regs_.arg2, kFunBcContext);
    if (!defaults) {
        need_reg_all();
        as_.mov_reg_imm(regs_.arg3, 0);
    } else if (!closure) {
        stack_pointer_for_pop(regs_.arg3, 2);
        need_reg_all();
    } else {
        stack_pointer_for_pop(regs_.arg3, 2 + static_cast<int>(n_closed));
        adjust(2 + static_cast<int>(n_closed));
        need_reg_all();
    }
    load_reg_with_child(regs_.arg1, child);
    as_.call_ind(kMakeFunctionFromProtoFun);
    if (closure) {
        if (regs_.arg1 != regs_.ret && !regs_.registers_are_enums) as_.mov_reg_reg(regs_.arg1, regs_.ret);
        as_.mov_reg_imm(regs_.arg2, n_closed);
        stack_pointer_for_pop(regs_.arg3, static_cast<int>(n_closed));
        if (defaults) adjust(-2);
        as_.call_ind(kNewClosure);
    }
    post_push_reg(VType::Obj, regs_.ret);
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
                pre_pop_reg(&v, regs_.arg1);
                pre_pop_discard();
                call_with_imm(kConvertObjToNative, static_cast<int>(cast), regs_.arg2);
                post_push_reg(cast, regs_.ret);
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
                fold_stack_top(regs_.arg1);
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
        stack_pointer_for_pop(regs_.arg3, n_args + 2);
        call_with_2_imm(kCallMethodNKwVar, 0, regs_.arg1, n_pos | (n_kw << 8), regs_.arg2);
    } else {
        if (n_args != 0) stack_pointer_for_pop(regs_.arg3, n_args);
        VType v;
        pre_pop_reg(&v, regs_.arg1);
        call_with_imm(kCallFunctionNKw, n_pos | (n_kw << 8), regs_.arg2);
    }
    post_push_reg(VType::Obj, regs_.ret);
}

void NativeFunction::call_method(std::uint32_t n_pos, std::uint32_t n_kw, bool star) {
    const int n_args = static_cast<int>(n_pos + 2 * n_kw);
    if (star) {
        stack_pointer_for_pop(regs_.arg3, n_args + 3);
        call_with_2_imm(kCallMethodNKwVar, 1, regs_.arg1, n_pos | (n_kw << 8), regs_.arg2);
    } else {
        stack_pointer_for_pop(regs_.arg3, 2 + n_args);
        call_with_2_imm(kCallMethodNKw, n_pos, regs_.arg1, n_kw, regs_.arg2);
    }
    post_push_reg(VType::Obj, regs_.ret);
}

void NativeFunction::return_value() {
    if (is_generator()) {
        stack_pointer_for_pop(regs_.temp0, 1);
        mov_state_reg(kCodeStateSp, regs_.temp0);
        as_.mov_reg_imm(regs_.temp0, kVmReturnNormal);
        as_.mov_local_reg(frame_.ret_val, regs_.temp0);
        unwind_jump(exit_label_, static_cast<unsigned>(handlers_.size()));
        return;
    }
    if (do_viper_types_) {
        const VType ret = return_vtype_;
        if (peek_vtype(0) == VType::PtrNone) {
            pre_pop_discard();
            if (ret == VType::Obj) {
                mov_reg_fun_const(regs_.parent_ret(), kConstNoneObj);
            } else {
                as_.mov_reg_imm(regs_.arg1, 0);
            }
        } else {
            VType vtype;
            pre_pop_reg(&vtype, ret == VType::Obj ? regs_.parent_ret() : regs_.arg1);
            if (vtype != ret) {
                viper_error("return expected '" + std::string(vtype_name(ret)) + "' but got '" +
                            std::string(vtype_name(vtype)) + "'");
            }
        }
        if (ret != VType::Obj) {
            call_with_imm(kConvertNativeToObj, static_cast<int>(ret), regs_.arg2);
            if (regs_.ret != regs_.parent_ret()) as_.mov_reg_reg(regs_.parent_ret(), regs_.ret);
        }
    } else {
        VType vtype;
        pre_pop_reg(&vtype, regs_.parent_ret());
    }
    if (need_global_exc_handler()) as_.mov_local_reg(frame_.ret_val, regs_.parent_ret());
    unwind_jump(exit_label_, static_cast<unsigned>(handlers_.size()));
}

void NativeFunction::raise(unsigned n_args) {
    if (n_args != 1) {
        // mpy-cross 1.27 aborts on an assertion here (bare raise / raise from in native code).
        not_implemented("native raise with other than one argument");
    }
    VType vtype;
    pre_pop_reg(&vtype, regs_.arg1);
    if (vtype != VType::Obj) viper_error("must raise an object");
    call(kNativeRaise);
    as_.suppress_code();
}

// ---- iteration -------------------------------------------------------------------------------------

void NativeFunction::get_iter(bool use_stack) {
    VType vtype;
    pre_pop_reg(&vtype, regs_.arg1);
    require_obj(vtype, "an iterated value");
    if (use_stack) {
        stack_pointer_for_push(regs_.arg2, kIterBufSlots);
        call(kGetIter);
    } else {
        as_.mov_reg_imm(regs_.arg2, 0);  // the runtime allocates the iter_buf
        call(kGetIter);
        post_push_reg(VType::Obj, regs_.ret);
    }
}

void NativeFunction::for_iter(std::size_t label) {
    stack_pointer_for_pop(regs_.arg1, kIterBufSlots);
    adjust(kIterBufSlots);
    call(kIterNext);
    as_.jump_if_zero(regs_.ret, label, false);  // MP_OBJ_STOP_ITERATION is 0
    post_push_reg(VType::Obj, regs_.ret);
}

// ---- imports -----------------------------------------------------------------------------------------

void NativeFunction::import_name(const std::string& name) {
    // fromlist and level must be objects: viper types are off while they are popped.
    const bool viper = do_viper_types_;
    do_viper_types_ = false;
    VType v;
    pre_pop_reg(&v, regs_.arg2);
    pre_pop_reg(&v, regs_.arg3);
    do_viper_types_ = viper;
    call_with_qstr(kImportName, name, regs_.arg1);
    post_push_reg(VType::Obj, regs_.ret);
}

void NativeFunction::import_from(const std::string& name) {
    VType v;
    access_stack(1, &v, regs_.arg1);
    require_obj(v, "a module");
    call_with_qstr(kImportFrom, name, regs_.arg2);
    post_push_reg(VType::Obj, regs_.ret);
}

void NativeFunction::import_star() {
    VType v;
    pre_pop_reg(&v, regs_.arg1);
    require_obj(v, "a module");
    call(kImportAll);
}

}  // namespace mpy
