// NativeFunction: the passes, the function frame (entry, the global exception handler, exit),
// the prelude of @micropython.native functions, and the dispatch of recorded operations.
#include "compiler/native/native_function.h"

#include <algorithm>
#include <stdexcept>

#include "common/mpy_format.h"
#include "common/vuint.h"
#include "compiler/bytecode/compile_error.h"
#include "compiler/native/native_runtime.h"
#include "compiler/scope/viper_types.h"

namespace mpy {

using K = NativeOpKind;
using namespace native_rt;

namespace {

// VType's low values are the MP_NATIVE_TYPE_* numbers viper_type_of gives.
std::optional<VType> vtype_from_name(const std::string& name) {
    const int t = viper_type_of(name);
    if (t < 0) return std::nullopt;
    return static_cast<VType>(t);
}

}  // namespace

const char* vtype_name(VType v) {
    switch (v) {
        case VType::Obj: return "object";
        case VType::Bool: return "bool";
        case VType::Int: return "int";
        case VType::Uint: return "uint";
        case VType::Ptr: return "ptr";
        case VType::Ptr8: return "ptr8";
        case VType::Ptr16: return "ptr16";
        case VType::Ptr32: return "ptr32";
        default: return "None";
    }
}

NativeFunction::Frame NativeFunction::frame_for(const NativeTarget& target) {
    Frame f;
    f.nlr_buf_words = target.nlr_buf_words;
    f.handler_pc = target.nlr_idx_local1;
    f.ret_val = target.nlr_buf_words;
    f.handler_unwind = target.nlr_buf_words + 1;
    f.throw_val = target.nlr_buf_words + 2;
    return f;
}

namespace {

std::unique_ptr<NativeAsm> backend_for(const NativeConfig& config) {
    std::unique_ptr<NativeAsm> as = make_native_asm(config);
    if (as == nullptr) throw std::logic_error("native emitter: no back end for this architecture");
    return as;
}

}  // namespace

NativeFunction::NativeFunction(ModuleBuilder& module, const NativeScopeInput& input)
    : module_(module),
      in_(input),
      sig_(*input.signature),
      asm_(input.assembler != nullptr ? nullptr : backend_for(input.config)),
      as_(input.assembler != nullptr ? *input.assembler : *asm_),
      regs_(as_.target()),
      frame_(frame_for(regs_)) {
    viper_ = sig_.emit == EmitKind::Viper;
    scope_flags_ = sig_.scope_flags & kScopeAllSig;
    if (in_.generator) scope_flags_ |= kScopeGenerator;
    if (sig_.references_globals) scope_flags_ |= kRefGlobals;

    // Facts compile.c knows before the native passes: the handler depth (scope pass), whether the
    // scope references globals (scope analysis, make_function), whether it makes functions.
    unsigned depth = 0;
    for (const NativeOp& op : *in_.ops) {
        switch (op.kind) {
            case K::SetupWith:
            case K::SetupExcept:
            case K::SetupFinally:
                ++depth;
                exc_stack_size_ = std::max(exc_stack_size_, depth);
                break;
            case K::EndFinally:
                if (depth > 0) --depth;
                break;
            case K::MakeFunction:
            case K::MakeClosure:
                scope_flags_ |= kRefGlobals | kHasConsts;
                break;
            default:
                break;
        }
    }

    if (viper_) {
        // Codegen has checked the names (an unknown one is a compile error before any code).
        for (const ScopeSignature::Annotation& a : sig_.annotations) {
            std::optional<VType> t = vtype_from_name(a.type);
            if (!t) continue;
            if (a.slot == ScopeSignature::Annotation::kReturn) {
                return_vtype_ = *t;
            } else {
                const auto slot = static_cast<std::size_t>(a.slot);
                if (arg_vtypes_.size() <= slot) arg_vtypes_.resize(slot + 1, VType::Obj);
                arg_vtypes_[slot] = *t;
            }
        }
    }
}

void NativeFunction::not_implemented(const std::string& message) const {
    // raised straight out of the reference compiler: no traceback line (line -1)
    throw CompileError{"NotImplementedError", message, -1};
}

// The reference stores the error and carries on (see run_pass for what it skips); a later error
// replaces the message.
void NativeFunction::viper_error(std::string message) { viper_error_ = std::move(message); }

std::string NativeFunction::local_name(std::uint32_t slot) const {
    if (slot < sig_.local_names.size() && !sig_.local_names[slot].empty()) return sig_.local_names[slot];
    return "?";
}

void NativeFunction::require_obj(VType v, const char* what) const {
    if (v == VType::Obj) return;
    throw CompileError{"NotImplementedError",
                       std::string("viper: ") + what + " must be an object, not '" + vtype_name(v) +
                           "' (mpy-cross 1.27 aborts on this)",
                       0};
}

bool NativeFunction::need_global_exc_handler() const {
    return exc_stack_size_ > 0 || (scope_flags_ & (kScopeGenerator | kRefGlobals));
}

bool NativeFunction::need_fun_obj() const {
    return exc_stack_size_ > 0 || (scope_flags_ & (kRefGlobals | kHasConsts));
}

bool NativeFunction::can_use_regs_for_locals() const {
    return exc_stack_size_ == 0 && !(scope_flags_ & kScopeGenerator);
}

NativeFunctionResult NativeFunction::compile() {
    // Labels as compile.c numbers them: 0..5 for the entry/exit code, then the scope's own and
    // those reserved for its operations (all counted in num_user_labels).
    as_.set_num_labels(in_.num_user_labels + 16 + 4 * in_.ops->size());
    as_.set_function_name(in_.signature->qualified_name);

    run_pass(Pass::StackSize);
    if (viper_error_) throw CompileError{"ViperTypeError", *viper_error_, viper_error_line_};
    try {
        run_pass(Pass::CodeSize);
        run_pass(Pass::Emit);
    } catch (const NativeAsmLimit& e) {
        throw CompileError{"NotImplementedError", e.what(), -1};
    }

    NativeFunctionResult result;
    result.code.kind = viper_ ? CodeKind::NativeViper : CodeKind::NativePy;
    result.code.code = as_.bytes();
    // mp_raw_code_t keeps the prelude offset in a uint16_t, so mpy-cross stores it modulo
    // 65536 for functions of 64 KiB or more.
    if (!viper_) result.code.prelude_offset = prelude_offset_ & 0xffff;
    for (const NativeOp& op : *in_.ops) {
        if (op.kind == K::MakeFunction || op.kind == K::MakeClosure) {
            result.children.push_back(static_cast<std::uint32_t>(op.a));
        }
    }
    return result;
}

void NativeFunction::run_pass(Pass pass) {
    pass_ = pass;
    as_.start_pass(pass == Pass::Emit);
    // Every slot starts as an unbound value, in each pass.
    for (StackEntry& e : stack_) e = StackEntry{};
    sp_ = 0;
    handlers_.clear();
    n_children_ = 0;
    do_viper_types_ = viper_;
    begin_function();
    // After an error, compile.c finishes the statement of the innermost statement list, takes
    // its line (if the error has none yet) and skips the rest of that list; code around the list
    // is still compiled.  skip_depth: the list depth being skipped to its end (-1: none).
    int depth = 0;
    int skip_depth = -1;
    for (const NativeOp& op : *in_.ops) {
        if (op.kind == K::ListBegin) {
            ++depth;
            continue;
        }
        if (op.kind == K::ListEnd) {
            if (depth == skip_depth) skip_depth = -1;
            --depth;
            continue;
        }
        if (skip_depth >= 0) continue;
        if (op.kind == K::ListStatementEnd) {
            if (viper_error_) {
                if (viper_error_line_ == 0) viper_error_line_ = static_cast<int>(op.a);
                skip_depth = depth;
            }
            continue;
        }
        lower(op);
    }
    end_function();
}

// ---- entry -----------------------------------------------------------------------------------------

void NativeFunction::begin_function() {
    const ScopeSignature& s = sig_;
    const int num_locals = static_cast<int>(s.num_locals);

    // Types of locals: arguments are objects (viper: their annotation), the rest unbound.
    local_vtype_.assign(std::max<std::size_t>(s.num_locals, 1), VType::Obj);
    std::size_t num_args = s.num_pos_args + s.num_kwonly_args;
    if (s.scope_flags & kScopeVarArgs) ++num_args;
    if (s.scope_flags & kScopeVarKeywords) ++num_args;
    for (std::size_t i = 0; i < arg_vtypes_.size() && i < local_vtype_.size(); ++i) {
        local_vtype_[i] = arg_vtypes_[i];
    }
    for (std::size_t i = num_args; i < local_vtype_.size(); ++i) {
        local_vtype_[i] = viper_ ? VType::Unbound : VType::Obj;
    }

    // Six labels reserved by compile.c for the entry code: exit, exit+1 (globals unchanged),
    // nlr, start, global except, and two for viper's argument check.
    const std::size_t base = 0;
    exit_label_ = base;

    code_state_start_ = 0;
    if (need_global_exc_handler()) {
        code_state_start_ = frame_.nlr_buf_words + 1;  // nlr_buf_t, return value
        if (is_generator()) {
            code_state_start_ += 2;  // unwind slot, throw value
        } else if (exc_stack_size_ > 0) {
            code_state_start_ += 1;  // unwind slot
        }
    }

    const std::uint32_t fun_table_index = module_.use_fun_table();
    const int fun_table_index_word = static_cast<int>(fun_table_index);

    if (viper_) {
        n_state_ = num_locals + max_stack_size_;
        int locals_in_regs = 0;
        if (can_use_regs_for_locals()) {
            locals_in_regs = std::min(num_locals, kMaxRegsForLocals);
            if (static_cast<int>(s.num_pos_args) >= kMaxRegsForLocals + 1) --locals_in_regs;
        }
        if (need_global_exc_handler()) {
            stack_start_ = code_state_start_ + 2;  // fun_obj, old globals
        } else if (scope_flags_ & kHasConsts) {
            stack_start_ = code_state_start_ + 1;  // fun_obj
        } else {
            stack_start_ = code_state_start_;
        }
        as_.entry(stack_start_ + n_state_ - locals_in_regs);
        if (regs_.args_on_stack) as_.mov_reg_arg(regs_.arg1, 0);

        as_.load(NWidth::Word, regs_.fun_table, regs_.parent_arg1(), kFunBcContext);
        as_.load(NWidth::Word, reg_qstr_table(), regs_.fun_table, kContextQstrTable);
        as_.load(NWidth::Word, regs_.fun_table, regs_.fun_table, kContextObjTable);
        as_.load(NWidth::Word, regs_.fun_table, regs_.fun_table, fun_table_index_word);
        if (need_fun_obj()) as_.mov_local_reg(local_idx_fun_obj(), regs_.parent_arg1());

        // n_args, n_kw, args array
        if (regs_.args_on_stack) {
            as_.mov_reg_arg(regs_.arg1, 1);
            as_.mov_reg_arg(regs_.arg2, 2);
            as_.mov_reg_arg(reg_local_last(), 3);
        } else {
            as_.mov_reg_reg(regs_.arg1, regs_.parent_arg2());
            as_.mov_reg_reg(regs_.arg2, regs_.parent_arg3());
            as_.mov_reg_reg(reg_local_last(), regs_.parent_arg4());
        }

        const std::size_t l_check = base + 4;
        const std::size_t l_ok = base + 5;
        as_.jump_if_nonzero(regs_.arg2, l_check, true);
        as_.mov_reg_imm(regs_.arg3, s.num_pos_args);
        as_.jump_if_equal(regs_.arg1, regs_.arg3, l_ok);
        as_.label_assign(l_check);
        as_.mov_reg_imm(regs_.arg3, make_fun_sig(s.num_pos_args));
        as_.call_ind(kArgCheckNumSig);
        as_.label_assign(l_ok);

        const int n_pos = static_cast<int>(s.num_pos_args);
        for (int i = 0; i < n_pos; ++i) {
            Reg r = regs_.arg1;
            as_.load(NWidth::Word, regs_.arg1, reg_local_last(), i);
            if (local_vtype_[i] != VType::Obj) {
                call_with_imm(kConvertObjToNative, static_cast<int>(local_vtype_[i]), regs_.arg2);
                r = regs_.ret;
            }
            if (i < kMaxRegsForLocals && can_use_regs_for_locals() &&
                (i != kMaxRegsForLocals - 1 || n_pos == kMaxRegsForLocals)) {
                as_.mov_reg_reg(reg_local(i), r);
            } else {
                mov_state_reg(local_idx_local_var(i), r);
            }
        }
        if (n_pos >= kMaxRegsForLocals + 1 && can_use_regs_for_locals()) {
            as_.mov_reg_local(reg_local_last(), local_idx_local_var(kMaxRegsForLocals - 1));
        }
        global_exc_entry();
    } else {
        n_state_ = num_locals + max_stack_size_;
        // First word: index of the prelude pointer in the child table (= number of children).
        as_.data(regs_.word_size, n_children_total_);
        if (is_generator()) {
            as_.data(regs_.word_size, start_offset_);
            as_.entry(code_state_start_);
            code_state_start_ = 0;
            stack_start_ = kCodeStateWords;
            if (regs_.args_on_stack) {
                as_.mov_reg_arg(reg_generator_state(), 0);
                as_.mov_reg_arg(regs_.arg2, 1);
            } else {
                as_.mov_reg_reg(reg_generator_state(), regs_.parent_arg1());
            }
            as_.mov_local_reg(frame_.throw_val, regs_.parent_arg2());
            as_.load(NWidth::Word, regs_.temp0, reg_generator_state(), local_idx_fun_obj());
            as_.load(NWidth::Word, regs_.temp0, regs_.temp0, kFunBcContext);
            as_.load(NWidth::Word, reg_qstr_table(), regs_.temp0, kContextQstrTable);
            as_.load(NWidth::Word, regs_.temp0, regs_.temp0, kContextObjTable);
            as_.load(NWidth::Word, regs_.fun_table, regs_.temp0, fun_table_index_word);
        } else {
            stack_start_ = code_state_start_ + kCodeStateWords;
            as_.entry(stack_start_ + n_state_);
            if (regs_.args_on_stack) {  // mp_setup_code_state takes the same four arguments
                const Reg args[] = {regs_.arg1, regs_.arg2, regs_.arg3, regs_.arg4};
                for (int i = 0; i < 4; ++i) as_.mov_reg_arg(args[i], i);
            }
            as_.load(NWidth::Word, regs_.fun_table, regs_.parent_arg1(), kFunBcContext);
            as_.load(NWidth::Word, reg_qstr_table(), regs_.fun_table, kContextQstrTable);
            as_.load(NWidth::Word, regs_.fun_table, regs_.fun_table, kContextObjTable);
            as_.load(NWidth::Word, regs_.fun_table, regs_.fun_table, fun_table_index_word);
            as_.mov_local_reg(local_idx_fun_obj(), regs_.parent_arg1());
            as_.mov_reg_imm(regs_.arg1, n_state_);
            mov_state_reg(code_state_start_ + kCodeStateNState, regs_.arg1);
            as_.mov_reg_local_addr(regs_.arg1, code_state_start_);
            // arguments 2..4 are the caller's arguments 2..4 (moved where the ABI has two sets)
            if (regs_.arg2 != regs_.parent_arg2()) as_.mov_reg_reg(regs_.arg2, regs_.parent_arg2());
            if (regs_.arg3 != regs_.parent_arg3()) as_.mov_reg_reg(regs_.arg3, regs_.parent_arg3());
            if (regs_.arg4 != regs_.parent_arg4()) as_.mov_reg_reg(regs_.arg4, regs_.parent_arg4());
            as_.call_ind(kSetupCodeState, regs_.setup_code_state_temp);
        }
        global_exc_entry();
        if (can_use_regs_for_locals()) {
            for (int i = 0; i < kMaxRegsForLocals && i < num_locals; ++i) {
                as_.mov_reg_local(reg_local(i), local_idx_local_var(i));
            }
        }
        for (std::uint32_t slot : s.cell_slots) {
            if (slot < local_vtype_.size()) local_vtype_[slot] = VType::Obj;
        }
    }
}

// Xtensa windowed: the nlr buffer is completed by a setjmp on its third word.
void NativeFunction::nlr_setjmp() {
    if (!regs_.nlr_push_setjmp) return;
    as_.mov_reg_local_addr(regs_.arg1, 2);
    call(kSetjmp);
}

void NativeFunction::global_exc_entry() {
    // exit_label_ .. +5 were reserved in begin_function.
    if (!need_global_exc_handler()) return;
    const std::size_t nlr_label = exit_label_ + 1;
    const std::size_t start_label = exit_label_ + 2;
    const std::size_t global_except_label = exit_label_ + 3;

    if (!is_generator()) {
        // Set new globals, saving the old ones (or NULL if unchanged).
        mov_reg_state(regs_.arg1, local_idx_fun_obj());
        as_.load(NWidth::Word, regs_.arg1, regs_.arg1, kFunBcContext);
        as_.load(NWidth::Word, regs_.arg1, regs_.arg1, kContextGlobals);
        call(kSwapGlobals);
        mov_state_reg(local_idx_old_globals(), regs_.ret);
    }

    if (exc_stack_size_ == 0) {
        if (!is_generator()) as_.jump_if_zero(regs_.ret, start_label, false);
        as_.mov_reg_local_addr(regs_.arg1, 0);
        call(kNlrPush);
        nlr_setjmp();
        as_.jump_if_zero(regs_.ret, start_label, true);
    } else {
        const Reg zero = zeroed_register();
        as_.mov_local_reg(frame_.handler_unwind, zero);
        as_.mov_local_reg(kIdxExcVal, zero);
        as_.mov_reg_pcrel(regs_.local1, start_label);
        label_assign(nlr_label);
        as_.mov_reg_local_addr(regs_.arg1, 0);
        call(kNlrPush);
        nlr_setjmp();
        as_.jump_if_nonzero(regs_.ret, global_except_label, true);
        as_.mov_local_reg(frame_.handler_pc, zeroed_register());
        as_.jmp_reg(regs_.local1);
        label_assign(global_except_label);
        as_.mov_reg_local(regs_.local1, frame_.handler_pc);
        as_.jump_if_nonzero(regs_.local1, nlr_label, false);
    }

    if (!is_generator()) {
        mov_reg_state(regs_.arg1, local_idx_old_globals());
        call(kSwapGlobals);
    }

    if (is_generator()) {
        as_.mov_reg_local(regs_.temp0, kIdxExcVal);
        as_.store(NWidth::Word, regs_.temp0, reg_generator_state(), kCodeStateState);
        as_.mov_reg_imm(regs_.parent_ret(), kVmReturnException);
        as_.exit();
    } else {
        as_.mov_reg_local(regs_.arg1, kIdxExcVal);
        call(kNativeRaise);
    }

    label_assign(start_label);

    if (is_generator()) {
        mov_reg_state(regs_.temp0, local_idx_gen_pc());
        as_.jmp_reg(regs_.temp0);
        start_offset_ = as_.code_pos();
        as_.mov_reg_local(regs_.arg1, frame_.throw_val);
        store_null(frame_.throw_val, regs_.arg2);
        call(kNativeRaise);
    }
}

// ---- exit and prelude ------------------------------------------------------------------------------

void NativeFunction::global_exc_exit() {
    label_assign(exit_label_);
    if (need_global_exc_handler()) {
        if (!is_generator()) {
            mov_reg_state(regs_.arg1, local_idx_old_globals());
            if (exc_stack_size_ == 0) as_.jump_if_zero(regs_.arg1, exit_label_ + 1, false);
            call(kSwapGlobals);
        }
        call(kNlrPop);
        if (!is_generator() && exc_stack_size_ == 0) label_assign(exit_label_ + 1);
        as_.mov_reg_local(regs_.parent_ret(), frame_.ret_val);
    }
    as_.exit();
}

void NativeFunction::end_function() {
    global_exc_exit();

    if (!viper_) {
        prelude_offset_ = as_.code_pos();
        n_children_total_ = n_children_;

        std::vector<std::uint8_t> prelude;
        PreludeSignature ps;
        ps.n_state = static_cast<std::uint32_t>(n_state_);
        ps.n_exc_stack = 0;  // native code keeps no exception stack
        ps.scope_flags = scope_flags_ & kScopeAllSig;
        ps.n_pos_args = sig_.num_pos_args;
        ps.n_kwonly_args = sig_.num_kwonly_args;
        ps.n_def_pos_args = sig_.num_def_pos_args;
        encode_prelude_signature(ps, prelude);
        PreludeSize size;
        size.n_info = n_info_;  // the previous pass's measurement, as the reference writes it
        size.n_cell = n_cell_;
        encode_prelude_size(size, prelude);

        std::vector<std::uint8_t> info;
        vuint::append(info, module_.use_qstr(sig_.simple_name));
        for (const std::string& name : sig_.arg_names) vuint::append(info, module_.use_qstr(name));
        n_info_ = static_cast<std::uint32_t>(info.size());
        n_cell_ = static_cast<std::uint32_t>(sig_.cell_slots.size());
        for (std::uint32_t slot : sig_.cell_slots) info.push_back(static_cast<std::uint8_t>(slot));
        prelude.insert(prelude.end(), info.begin(), info.end());
        // Each byte goes through the assembler so that dead code after the last return (which
        // suppresses output) ends at the exit label first; the prelude itself is never dead.
        as_.raw(prelude);
    }
    as_.end_pass();
}

// ---- dispatch ------------------------------------------------------------------------------------

void NativeFunction::lower(const NativeOp& op) {
    switch (op.kind) {
        case K::Label: return label_assign(user_label(op.a));
        case K::ListBegin:
        case K::ListStatementEnd:
        case K::ListEnd: return;  // handled in run_pass
        case K::AdjustStack: return adjust_stack_size(static_cast<int>(op.a));
        case K::LoadNone: return post_push_imm(VType::PtrNone, 0);
        case K::LoadTrue: return post_push_imm(VType::Bool, 1);
        case K::LoadFalse: return post_push_imm(VType::Bool, 0);
        case K::LoadEllipsis: return load_const_obj(static_cast<std::size_t>(op.a));
        case K::LoadSmallInt: return post_push_imm(VType::Int, op.a);
        case K::LoadConstStr: return load_const_str(op.name);
        case K::LoadConstObj: return load_const_obj(static_cast<std::size_t>(op.a));
        case K::LoadNull: return post_push_imm(VType::Obj, 0);
        case K::LoadFast: return load_fast(static_cast<std::uint32_t>(op.a));
        case K::LoadDeref: return load_deref(static_cast<std::uint32_t>(op.a));
        case K::StoreFast: return store_fast(static_cast<std::uint32_t>(op.a));
        case K::StoreDeref: return store_deref(static_cast<std::uint32_t>(op.a));
        case K::DeleteFast:
            // The reference stores None (no real unbinding in native code).
            post_push_imm(VType::PtrNone, 0);
            return store_fast(static_cast<std::uint32_t>(op.a));
        case K::DeleteDeref: return;  // not implemented by the reference: emits nothing
        case K::LoadName: return load_global(op.name, true);
        case K::LoadGlobal: return load_global(op.name, false);
        case K::StoreName: return store_global(op.name, true);
        case K::StoreGlobal: return store_global(op.name, false);
        case K::DeleteName: return call_with_qstr(kDeleteName, op.name, regs_.arg1);
        case K::DeleteGlobal: return call_with_qstr(kDeleteGlobal, op.name, regs_.arg1);
        case K::LoadAttr: return load_attr(op.name);
        case K::StoreAttr: return store_attr(op.name);
        case K::DeleteAttr: return delete_attr(op.name);
        case K::LoadSubscr: return load_subscr();
        case K::StoreSubscr: return store_subscr();
        case K::DeleteSubscr: return delete_subscr();
        case K::LoadMethod: return load_method(op.name, op.flag);
        case K::LoadBuildClass:
            call(kLoadBuildClass);
            return post_push_reg(VType::Obj, regs_.ret);
        case K::DupTop: return dup_top();
        case K::DupTopTwo: return dup_top_two();
        case K::PopTop: return pre_pop_discard();
        case K::RotTwo: return rot_two();
        case K::RotThree: return rot_three();
        case K::Jump: return jump(user_label(op.a));
        case K::PopJumpIf: return jump_helper(op.flag, user_label(op.a), true);
        case K::JumpIfOrPop: return jump_helper(op.flag, user_label(op.a), false);
        case K::UnwindJump: return unwind_jump(user_label(op.a), op.b);
        case K::SetupWith: return setup_with(user_label(op.a));
        case K::SetupExcept: return setup_block(user_label(op.a), false);
        case K::SetupFinally: return setup_block(user_label(op.a), true);
        case K::EndFinally: return end_finally(op.d);
        case K::WithCleanup: return with_cleanup(user_label(op.a), op.d);
        case K::AsyncWithSetupFinally:
            return async_with_setup_finally(user_label(op.a), user_label(op.b), user_label(op.c));
        case K::PopExceptJump: return pop_except_jump(user_label(op.a), op.flag);
        case K::StartExceptHandler: return start_except_handler();
        case K::EndExceptHandler: return;
        case K::GetIter: return get_iter(op.flag);
        case K::ForIter: return for_iter(user_label(op.a));
        case K::ForIterEnd: return adjust(-kIterBufSlots);
        case K::UnaryOp: return unary_op(static_cast<int>(op.a));
        case K::BinaryOp: return binary_op(static_cast<int>(op.a), op.flag);
        case K::BuildTuple:
        case K::BuildList:
        case K::BuildMap:
        case K::BuildSet: return build(op.kind, static_cast<std::uint32_t>(op.a));
        case K::BuildSlice: return build_slice(static_cast<std::uint32_t>(op.a));
        case K::StoreMap: return store_map();
        case K::StoreComp: return store_comp(static_cast<CompKind>(op.a), op.b);
        case K::UnpackSequence: return unpack_sequence(static_cast<std::uint32_t>(op.a));
        case K::UnpackEx: return unpack_ex(static_cast<std::uint32_t>(op.a), op.b);
        case K::MakeFunction:
            return make_function(static_cast<std::uint32_t>(op.a), 0, op.c, op.d, false);
        case K::MakeClosure:
            return make_function(static_cast<std::uint32_t>(op.a), op.b, op.c, op.d, true);
        case K::CallFunction: return call_function(static_cast<std::uint32_t>(op.a), op.b, op.flag);
        case K::CallMethod: return call_method(static_cast<std::uint32_t>(op.a), op.b, op.flag);
        case K::ReturnValue: return return_value();
        case K::Raise: return raise(static_cast<unsigned>(op.a));
        case K::YieldValue: return yield(false, op.d);
        case K::YieldFrom: return yield(true, op.d);
        case K::ImportName: return import_name(op.name);
        case K::ImportFrom: return import_from(op.name);
        case K::ImportStar: return import_star();
    }
}

}  // namespace mpy
