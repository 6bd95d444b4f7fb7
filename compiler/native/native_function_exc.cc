// NativeFunction: exception handlers (try/except/finally/with), unwinding jumps out of them, and
// generators (yield, yield from).
//
// Native code keeps one nlr context for the whole function (set up in global_exc_entry); a
// handler level is just the address of its handler code, stored in the frame's handler-PC slot
// while the protected block runs.  An exception lands in the global handler, which jumps to
// that address with the exception in the nlr buffer's value slot.
#include "compiler/native/native_function.h"

#include <stdexcept>

#include "compiler/bytecode/compile_error.h"
#include "compiler/native/native_runtime.h"

namespace mpy {

using namespace native_rt;

void NativeFunction::push_handler(std::size_t label, bool is_finally) {
    Handler h;
    h.label = label;
    h.is_finally = is_finally;
    h.unwind_label = kUnwindUnused;
    h.active = true;
    handlers_.push_back(h);
    as_.mov_reg_pcrel(regs_.ret, label);
    as_.mov_local_reg(frame_.handler_pc, regs_.ret);
}

// Deactivates the innermost handler and makes the next active one current.
void NativeFunction::leave_handler(bool start_of_handler) {
    if (handlers_.empty()) throw std::logic_error("native emitter: no handler to leave");
    handlers_.back().active = false;
    const Handler* outer = nullptr;
    for (std::size_t i = handlers_.size() - 1; i-- > 0;) {
        if (handlers_[i].active) {
            outer = &handlers_[i];
            break;
        }
    }
    if (outer == nullptr) {
        // the global handler clears the PC itself when it dispatches
        if (start_of_handler) return;
        clear(regs_.ret);
    } else {
        as_.mov_reg_pcrel(regs_.ret, outer->label);
    }
    as_.mov_local_reg(frame_.handler_pc, regs_.ret);
}

NativeFunction::Handler NativeFunction::pop_handler() {
    if (handlers_.empty()) throw std::logic_error("native emitter: handler stack underflow");
    Handler h = handlers_.back();
    handlers_.pop_back();
    return h;
}

// break/continue/return through `depth` handler levels: either straight there (no finally on
// the way), or via the innermost finally, each finally passing control to the next.
void NativeFunction::unwind_jump(std::size_t label, unsigned depth) {
    if (depth > 0) {
        Handler* first_finally = nullptr;
        Handler* prev_finally = nullptr;
        std::ptrdiff_t i = static_cast<std::ptrdiff_t>(handlers_.size()) - 1;
        for (; depth > 0; --depth, --i) {
            Handler& h = handlers_[static_cast<std::size_t>(i)];
            if (h.is_finally && h.active) {
                if (first_finally == nullptr) first_finally = &h;
                if (prev_finally != nullptr) prev_finally->unwind_label = h.label;
                prev_finally = &h;
            }
        }
        if (prev_finally == nullptr) {
            // restore the handler of the level we land in
            if (i < 0) {
                clear(regs_.ret);
            } else {
                as_.mov_reg_pcrel(regs_.ret, handlers_[static_cast<std::size_t>(i)].label);
            }
            as_.mov_local_reg(frame_.handler_pc, regs_.ret);
        } else {
            prev_finally->unwind_label = kUnwindFinal;
            as_.mov_reg_pcrel(regs_.ret, label);
            as_.mov_local_reg(frame_.handler_unwind, regs_.ret);
            // cancel any active exception
            as_.mov_reg_imm(regs_.ret, 0);
            as_.mov_local_reg(kIdxExcVal, regs_.ret);
            label = first_finally->label;
        }
    }
    jump(label);
}

void NativeFunction::setup_with(std::size_t label) {
    VType vtype;
    access_stack(1, &vtype, regs_.arg1);  // ctx_mgr
    require_obj(vtype, "a context manager");
    stack_pointer_for_push(regs_.arg3, 2);
    call_with_qstr(kLoadMethod, "__exit__", regs_.arg2);
    // (..., ctx_mgr, __exit__, self) -> (..., __exit__, self), ctx_mgr in rdi
    pre_pop_reg(&vtype, regs_.arg3);
    pre_pop_reg(&vtype, regs_.arg2);
    pre_pop_reg(&vtype, regs_.arg1);
    post_push_reg(vtype, regs_.arg2);
    post_push_reg(vtype, regs_.arg3);
    stack_pointer_for_push(regs_.arg3, 2);
    call_with_qstr(kLoadMethod, "__enter__", regs_.arg2);
    stack_pointer_for_pop(regs_.arg3, 2);
    call_with_2_imm(kCallMethodNKw, 0, regs_.arg1, 0, regs_.arg2);
    post_push_reg(VType::Obj, regs_.ret);  // as_value
    need_stack_settled();
    push_handler(label, true);
    dup_top();
}

void NativeFunction::setup_block(std::size_t label, bool is_finally) {
    need_stack_settled();
    push_handler(label, is_finally);
}

void NativeFunction::with_cleanup(std::size_t label, std::size_t reserved) {
    // three labels compile.c reserves for this
    const std::size_t l_swallow = reserved;
    const std::size_t l_end = reserved + 1;
    const std::size_t l_no_exc = reserved + 2;

    // (..., __exit__, self, as_value)
    leave_handler(false);
    adjust(-1);

    // reached normally or by an unwind jump: __exit__(None, None, None)
    label_assign(l_no_exc);
    post_push_imm(VType::PtrNone, 0);
    post_push_imm(VType::PtrNone, 0);
    post_push_imm(VType::PtrNone, 0);
    stack_pointer_for_pop(regs_.arg3, 5);
    call_with_2_imm(kCallMethodNKw, 3, regs_.arg1, 0, regs_.arg2);
    jump(l_swallow);

    // the handler proper (not a finally label: no automatic exception store)
    as_.label_assign(label);
    leave_handler(true);
    adjust_stack_size(2);  // __exit__, self
    as_.mov_reg_local(regs_.arg1, kIdxExcVal);
    as_.jump_if_zero(regs_.arg1, l_no_exc, false);
    as_.load(NWidth::Word, regs_.arg2, regs_.arg1, 0);  // type(exc)
    post_push_reg(VType::Obj, regs_.arg2);
    post_push_reg(VType::Obj, regs_.arg1);
    post_push_imm(VType::PtrNone, 0);  // traceback
    stack_pointer_for_pop(regs_.arg3, 5);
    call_with_2_imm(kCallMethodNKw, 3, regs_.arg1, 0, regs_.arg2);
    // a true result swallows the exception
    if (regs_.arg1 != regs_.ret) as_.mov_reg_reg(regs_.arg1, regs_.ret);
    call(kObjIsTrue);
    as_.jump_if_zero(regs_.ret, l_end, true);

    label_assign(l_swallow);
    store_null(kIdxExcVal, regs_.temp0);

    label_assign(l_end);
    adjust(1);  // the exception (or NULL) lives in the nlr value slot
}

void NativeFunction::async_with_setup_finally(std::size_t aexit_no_exc, std::size_t finally_block,
                                              std::size_t ret_unwind_jump) {
    adjust_stack_size(1);  // a dummy the code at aexit_no_exc expects
    rot_two();
    post_push_imm(VType::PtrNone, 0);
    rot_two();
    jump(aexit_no_exc);
    adjust_stack_size(-1);

    label_assign(finally_block);
    pre_pop_discard();
    as_.mov_reg_local(regs_.arg1, kIdxExcVal);
    post_push_reg(VType::Obj, regs_.arg1);
    as_.jump_if_zero(regs_.arg1, ret_unwind_jump, false);
}

void NativeFunction::end_finally(std::size_t reserved) {
    pre_pop_discard();
    as_.mov_reg_local(regs_.arg1, kIdxExcVal);
    call(kNativeRaise);  // raises if there is an exception, else returns

    const Handler h = pop_handler();
    if (h.unwind_label != kUnwindUnused) {
        const std::size_t l_done = reserved;
        as_.mov_reg_local(regs_.ret, frame_.handler_unwind);
        as_.jump_if_zero(regs_.ret, l_done, false);
        if (h.unwind_label == kUnwindFinal) {
            as_.jmp_reg(regs_.ret);
        } else {
            jump(h.unwind_label);
        }
        label_assign(l_done);
    }
}

// Within a handler the exception is cancelled; at the end of a protected block its level is left.
void NativeFunction::pop_except_jump(std::size_t label, bool within_handler) {
    if (within_handler) {
        store_null(kIdxExcVal, regs_.temp0);
    } else {
        leave_handler(false);
    }
    jump(label);
}

void NativeFunction::start_except_handler() {
    leave_handler(true);
    as_.mov_reg_local(regs_.temp0, kIdxExcVal);
    post_push_reg(VType::Obj, regs_.temp0);
}

// ---- generators ------------------------------------------------------------------------------------

void NativeFunction::yield(bool from, std::size_t reserved) {
    if (do_viper_types_) not_implemented("native yield");
    scope_flags_ |= kScopeGenerator;
    const std::size_t l_resume = reserved;
    const std::size_t l_loop_top = from ? reserved + 1 : 0;
    const std::size_t l_loop_entry = from ? reserved + 2 : 0;

    need_stack_settled();
    if (from) {
        jump(l_loop_entry);
        label_assign(l_loop_top);
    }

    // hand the top of the stack to the caller and leave, remembering where to resume
    stack_pointer_for_pop(regs_.temp0, 1);
    mov_state_reg(kCodeStateSp, regs_.temp0);
    as_.mov_reg_imm(regs_.temp0, kVmReturnYield);
    as_.mov_local_reg(frame_.ret_val, regs_.temp0);
    as_.mov_reg_pcrel(regs_.temp0, l_resume);
    mov_state_reg(local_idx_gen_pc(), regs_.temp0);
    as_.jmp(exit_label_);

    as_.label_assign(l_resume);
    // re-open the innermost active handler
    for (std::size_t i = handlers_.size(); i-- > 0;) {
        if (handlers_[i].active) {
            as_.mov_reg_pcrel(regs_.ret, handlers_[i].label);
            as_.mov_local_reg(frame_.handler_pc, regs_.ret);
            break;
        }
    }
    adjust_stack_size(1);  // the value sent in

    if (!from) {
        as_.mov_reg_local(regs_.arg1, frame_.throw_val);
        store_null(frame_.throw_val, regs_.arg2);
        call(kNativeRaise);
    } else {
        label_assign(l_loop_entry);
        as_.mov_reg_local(regs_.arg3, frame_.throw_val);
        // An explicit immediate in both 1.27 and 1.28 (not their null-store helper).
        as_.mov_reg_imm(regs_.arg2, 0);
        as_.mov_local_reg(frame_.throw_val, regs_.arg2);
        VType vtype;
        pre_pop_reg(&vtype, regs_.arg2);      // send value
        access_stack(1, &vtype, regs_.arg1);  // the delegate generator
        post_push_reg(VType::Obj, regs_.arg3);
        stack_pointer_for_pop(regs_.arg3, 1);  // where the result goes
        call(kYieldFrom);
        as_.jump_if_nonzero(regs_.ret, l_loop_top, true);
        adjust_stack_size(1);  // the returned value
        fold_stack_top(regs_.arg1);
    }
}

}  // namespace mpy
