// NativeFunction: the frame accessors and the virtual value stack (which values live in
// registers, which are immediates, when they are written to their stack slots).
#include "compiler/native/native_function.h"

#include "compiler/bytecode/compile_error.h"
#include "compiler/native/native_runtime.h"

#include <algorithm>
#include <stdexcept>

namespace mpy {

using namespace native_rt;
using SK = NativeFunction::StackEntry::Kind;

// ---- frame ---------------------------------------------------------------------------------------

// Generators keep their state (code state, stack, locals) behind r12, others on the C stack.
void NativeFunction::mov_state_reg(int local, Reg src) {
    if (is_generator()) {
        as_.store(NWidth::Word, src, reg_generator_state(), local);
    } else {
        as_.mov_local_reg(local, src);
    }
}

void NativeFunction::clear(Reg reg) {
    if (in_.config.compat == CompatVersion::V1_27) {
        as_.xor_(reg, reg);
    } else {
        as_.clear_reg(reg);
    }
}

void NativeFunction::store_null(int local, Reg temp) {
    if (regs_.zero_reg) {
        as_.mov_local_reg(local, *regs_.zero_reg);
        return;
    }
    if (in_.config.compat == CompatVersion::V1_27) {
        as_.mov_reg_imm(temp, 0);
    } else {
        as_.clear_reg(temp);
    }
    as_.mov_local_reg(local, temp);
}

NativeFunction::Reg NativeFunction::zeroed_register() {
    if (regs_.zero_reg) return *regs_.zero_reg;
    clear(regs_.temp0);
    return regs_.temp0;
}

void NativeFunction::mov_reg_state(Reg dest, int local) {
    if (is_generator()) {
        as_.load(NWidth::Word, dest, reg_generator_state(), local);
    } else {
        as_.mov_reg_local(dest, local);
    }
}

void NativeFunction::mov_reg_state_addr(Reg dest, int local) {
    if (is_generator()) {
        as_.mov_reg_imm(dest, static_cast<std::int64_t>(regs_.word_size) * local);
        as_.add(dest, reg_generator_state());
    } else {
        as_.mov_reg_local_addr(dest, local);
    }
}

void NativeFunction::mov_reg_fun_const(Reg dest, int index) {
    as_.load(NWidth::Word, dest, regs_.fun_table, index);
}

// A qstr number is read at run time from the module's qstr table (16-bit entries).
void NativeFunction::mov_reg_qstr(Reg dest, const std::string& qstr) {
    const auto index = static_cast<std::int32_t>(module_.use_qstr(qstr));
    as_.load(NWidth::W16, dest, reg_qstr_table(), index);
}

// Constant objects are read through fun_obj->context->obj_table.  Clobbers rax.
void NativeFunction::load_reg_with_object(Reg dest, const ast::ConstValue& value,
                                          const void* identity) {
    scope_flags_ |= kHasConsts;
    const auto index = static_cast<std::int32_t>(module_.use_constant(value, identity));
    mov_reg_state(regs_.temp0, local_idx_fun_obj());
    as_.load(NWidth::Word, regs_.temp0, regs_.temp0, kFunBcContext);
    as_.load(NWidth::Word, regs_.temp0, regs_.temp0, kContextObjTable);
    as_.load(NWidth::Word, dest, regs_.temp0, index);
}

void NativeFunction::load_reg_with_child(Reg dest, std::uint32_t) {
    const auto index = static_cast<std::int32_t>(n_children_++);
    mov_reg_state(regs_.temp0, local_idx_fun_obj());
    as_.load(NWidth::Word, regs_.temp0, regs_.temp0, kFunBcChildTable);
    as_.load(NWidth::Word, dest, regs_.temp0, index);
}

// ---- virtual stack ---------------------------------------------------------------------------------

void NativeFunction::ensure_stack(int n) {
    if (stack_.size() < static_cast<std::size_t>(n)) stack_.resize(static_cast<std::size_t>(n));
}

void NativeFunction::adjust(int delta) {
    if (sp_ + delta < 0) throw std::logic_error("native emitter: value stack underflow");
    sp_ += delta;
    ensure_stack(sp_);
    max_stack_size_ = std::max(max_stack_size_, sp_);
}

// Codegen's explicit depth corrections: new entries are values already in their slots (control
// reaches here by a jump, after which the stack is settled).
void NativeFunction::adjust_stack_size(int delta) {
    const int old = sp_;
    adjust(delta);
    for (int i = old; i < sp_; ++i) {
        stack_[i].kind = SK::Value;
        // The reference's trick for comparison chains: a single pushed entry takes the type
        // saved by the last jump_if_or_pop.
        stack_[i].vtype = delta == 1 ? saved_stack_vtype_ : VType::Obj;
    }
}

VType NativeFunction::peek_vtype(int depth) {
    return do_viper_types_ ? peek(depth).vtype : VType::Obj;
}

// Spill every stack entry held in `reg` to its slot, except the one at `skip_pos` (1 = top).
void NativeFunction::need_reg_single(Reg reg, int skip_pos) {
    const int skip = sp_ - skip_pos;
    for (int i = 0; i < sp_; ++i) {
        if (i == skip) continue;
        StackEntry& e = stack_[i];
        if (e.kind == SK::Reg && e.reg == reg) {
            e.kind = SK::Value;
            mov_state_reg(stack_start_ + i, e.reg);
        }
    }
}

void NativeFunction::need_reg_all() {
    for (int i = 0; i < sp_; ++i) {
        StackEntry& e = stack_[i];
        if (e.kind == SK::Reg) {
            e.kind = SK::Value;
            mov_state_reg(stack_start_ + i, e.reg);
        }
    }
}

void NativeFunction::need_stack_settled() {
    need_reg_all();
    for (int i = 0; i < sp_; ++i) {
        StackEntry& e = stack_[i];
        if (e.kind == SK::Imm) {
            e.kind = SK::Value;
            // rdi, not rax: rax may hold a result the caller still needs
            e.vtype = load_reg_stack_imm(regs_.temp1, e, false);
            mov_state_reg(stack_start_ + i, regs_.temp1);
        }
    }
}

// Materialises an immediate; as an object unless viper keeps it native.
VType NativeFunction::load_reg_stack_imm(Reg dest, const StackEntry& e, bool convert_to_obj) {
    if (!convert_to_obj && do_viper_types_) {
        as_.mov_reg_imm(dest, e.imm);
        return e.vtype;
    }
    switch (e.vtype) {
        case VType::Obj:
            as_.mov_reg_imm(dest, e.imm);
            break;
        case VType::Bool:
            mov_reg_fun_const(dest, kConstFalseObj + static_cast<int>(e.imm));
            break;
        case VType::Int:
        case VType::Uint:
            // small int object: (value << 1) | 1
            as_.mov_reg_imm(dest, static_cast<std::int64_t>(
                                      (static_cast<std::uint64_t>(e.imm) << 1) | 1));
            break;
        case VType::PtrNone:
            mov_reg_fun_const(dest, kConstNoneObj);
            break;
        default:
            not_implemented("conversion to object");
    }
    return VType::Obj;
}

// Loads stack entry `pos` (1 = top) into `dest` without popping it.
void NativeFunction::access_stack(int pos, VType* vtype, Reg dest) {
    need_reg_single(dest, pos);
    const int index = sp_ - pos;
    StackEntry& e = stack_[index];
    *vtype = e.vtype;
    switch (e.kind) {
        case SK::Value:
            mov_reg_state(dest, stack_start_ + index);
            break;
        case SK::Reg:
            if (e.reg != dest) as_.mov_reg_reg(dest, e.reg);
            break;
        case SK::Imm:
            *vtype = load_reg_stack_imm(dest, e, false);
            break;
    }
}

// x = pop(); pop(); push(x)
void NativeFunction::fold_stack_top(Reg dest) {
    const int n = sp_;
    StackEntry& below = stack_[n - 2];
    below = stack_[n - 1];
    if (below.kind == SK::Value) {
        mov_reg_state(dest, stack_start_ + n - 1);
        below.kind = SK::Reg;
        below.reg = dest;
    }
    adjust(-1);
}

// Pops the top into a register: the one it is already in unless that is not_r1/not_r2,
// otherwise *reg.
void NativeFunction::pre_pop_reg_flexible(VType* vtype, Reg* reg, int not_r1, int not_r2) {
    StackEntry& e = peek(0);
    if (e.kind == SK::Reg && e.reg != not_r1 && e.reg != not_r2) {
        *vtype = e.vtype;
        *reg = e.reg;
        need_reg_single(*reg, 1);
    } else {
        access_stack(1, vtype, *reg);
    }
    adjust(-1);
}

void NativeFunction::pre_pop_reg(VType* vtype, Reg dest) {
    access_stack(1, vtype, dest);
    adjust(-1);
}

void NativeFunction::post_push_reg(VType vtype, Reg reg) {
    ensure_stack(sp_ + 1);
    StackEntry& e = stack_[sp_];
    e.vtype = vtype;
    e.kind = SK::Reg;
    e.reg = reg;
    adjust(1);
}

void NativeFunction::post_push_imm(VType vtype, std::int64_t imm) {
    ensure_stack(sp_ + 1);
    StackEntry& e = stack_[sp_];
    e.vtype = vtype;
    e.kind = SK::Imm;
    e.imm = imm;
    adjust(1);
}

// ---- calls -----------------------------------------------------------------------------------------

void NativeFunction::call(int fun) {
    need_reg_all();
    as_.call_ind(static_cast<std::size_t>(fun));
}

void NativeFunction::call_with_imm(int fun, std::int64_t arg, Reg arg_reg) {
    need_reg_all();
    as_.mov_reg_imm(arg_reg, arg);
    as_.call_ind(static_cast<std::size_t>(fun));
}

void NativeFunction::call_with_2_imm(int fun, std::int64_t a1, Reg r1, std::int64_t a2, Reg r2) {
    need_reg_all();
    as_.mov_reg_imm(r1, a1);
    as_.mov_reg_imm(r2, a2);
    as_.call_ind(static_cast<std::size_t>(fun));
}

void NativeFunction::call_with_qstr(int fun, const std::string& qstr, Reg arg_reg) {
    need_reg_all();
    mov_reg_qstr(arg_reg, qstr);
    as_.call_ind(static_cast<std::size_t>(fun));
}

// Writes the top n_pop entries to their slots as objects, pops them and points `dest` at them.
// Conversions of native values use rdi, rsi and rax.
void NativeFunction::stack_pointer_for_pop(Reg dest, int n_pop) {
    need_reg_all();
    const int size = sp_;
    for (int i = 0; i < n_pop; ++i) {
        StackEntry& e = stack_[size - 1 - i];
        if (e.kind == SK::Imm) {
            e.kind = SK::Value;
            e.vtype = load_reg_stack_imm(dest, e, true);
            mov_state_reg(stack_start_ + size - 1 - i, dest);
        }
    }
    for (int i = 0; i < n_pop; ++i) {
        StackEntry& e = stack_[size - 1 - i];
        if (e.vtype != VType::Obj) {
            const int local = stack_start_ + size - 1 - i;
            mov_reg_state(regs_.arg1, local);
            call_with_imm(kConvertNativeToObj, static_cast<int>(e.vtype), regs_.arg2);
            mov_state_reg(local, regs_.ret);
            e.vtype = VType::Obj;
        }
    }
    adjust(-n_pop);
    mov_reg_state_addr(dest, stack_start_ + sp_);
}

void NativeFunction::stack_pointer_for_push(Reg dest, int n_push) {
    need_reg_all();
    ensure_stack(sp_ + n_push);
    for (int i = 0; i < n_push; ++i) {
        stack_[sp_ + i].kind = SK::Value;
        stack_[sp_ + i].vtype = VType::Obj;
    }
    mov_reg_state_addr(dest, stack_start_ + sp_);
    adjust(n_push);
}

// ---- labels ----------------------------------------------------------------------------------------

void NativeFunction::label_assign(std::size_t label) {
    // A finally handler's label: the exception (or None) on top goes to the exception slot.
    bool is_finally = false;
    if (!handlers_.empty()) {
        const Handler& h = handlers_.back();
        is_finally = h.is_finally && h.label == label;
    }
    if (is_finally) {
        VType vtype;
        access_stack(1, &vtype, regs_.temp0);
        as_.mov_local_reg(kIdxExcVal, regs_.temp0);
    }
    // Control can arrive here by a jump, so the stack must be in its slots.
    need_stack_settled();
    as_.label_assign(label);
    if (is_finally) leave_handler(false);
}

}  // namespace mpy
