#include "compiler/bytecode/bytecode_emitter.h"

#include <fmt/format.h>

#include "common/diagnostics.h"
#include "common/mpy_format.h"
#include "common/stack_effect.h"
#include "common/vuint.h"

namespace mpy {

BytecodeEmitter::BytecodeEmitter(ModuleBuilder& module, EmitterOptions options)
    : module_(module), options_(options) {}

// ---- passes ------------------------------------------------------------------------------------

void BytecodeEmitter::begin_scope_pass(std::uint32_t scope, std::string_view simple_name) {
    pass_ = Pass::Scope;
    scope_ = scope;
    next_label_ = 0;
    dead_ = false;
    except_depth_ = 0;
    stack_depth_ = 0;
    // The reference writes the scope's name into the prelude at the start of every pass,
    // this one included, so the name takes its qstr index before anything in the body.
    module_.use_qstr(simple_name);
}

void BytecodeEmitter::end_scope_pass() { pass_ = Pass::None; }

void BytecodeEmitter::begin_code_pass(std::uint32_t scope, const ScopeSignature& signature) {
    pass_ = Pass::Code;
    scope_ = scope;
    next_label_ = 0;
    dead_ = false;
    signature_ = signature;
    code_.clear();
    children_.clear();
    stack_depth_ = 0;
    max_stack_depth_ = 0;
    except_depth_ = 0;
    max_except_depth_ = 0;
    last_line_ = 1;
    if (signature_.arg_names.size() != signature_.num_pos_args + signature_.num_kwonly_args) {
        throw DiagnosticError(Diagnostic{
            "error",
            fmt::format("internal: scope {} has {} argument names for {} arguments",
                        signature_.simple_name, signature_.arg_names.size(),
                        signature_.num_pos_args + signature_.num_kwonly_args),
            {}});
    }
    module_.use_qstr(signature_.simple_name);
    for (const std::string& name : signature_.arg_names) module_.use_qstr(name);
}

void BytecodeEmitter::end_code_pass() {
    PreludeFields prelude;
    PreludeSignature& sig = prelude.signature;
    // At least one state slot: an exception propagating out of the function is stored in the
    // highest one.
    sig.n_state = std::max<std::uint32_t>(1, signature_.num_locals + max_stack_depth_);
    sig.n_exc_stack = max_except_depth_;
    sig.scope_flags = signature_.scope_flags & kScopeAllSig;
    if (module_.is_generator(scope_)) sig.scope_flags |= kScopeGenerator;
    sig.n_pos_args = signature_.num_pos_args;
    sig.n_kwonly_args = signature_.num_kwonly_args;
    sig.n_def_pos_args = signature_.num_def_pos_args;
    prelude.simple_name = module_.use_qstr(signature_.simple_name);
    for (const std::string& name : signature_.arg_names) {
        prelude.arg_names.push_back(module_.use_qstr(name));
    }
    prelude.cell_slots = signature_.cell_slots;

    module_.set_code(scope_, assemble_bytecode(code_, prelude), std::move(children_));
    children_.clear();
    code_.clear();
    pass_ = Pass::None;
}

bool BytecodeEmitter::is_generator() const { return module_.is_generator(scope_); }

// ---- recording primitives -----------------------------------------------------------------------

void BytecodeEmitter::adjust_stack(int delta) {
    // The scope pass does not track depth (the reference ignores it there too).
    if (!recording()) return;
    stack_depth_ += delta;
    if (stack_depth_ > max_stack_depth_) max_stack_depth_ = stack_depth_;
}

void BytecodeEmitter::op(int stack_delta, std::uint8_t opcode) {
    adjust_stack(stack_delta);
    if (recording() && !dead_) code_.append_byte(opcode);
}

void BytecodeEmitter::op_uint(int stack_delta, std::uint8_t opcode, std::uint64_t arg) {
    adjust_stack(stack_delta);
    if (!recording() || dead_) return;
    const vuint::Encoded encoded = vuint::encode(arg);
    code_.append_byte(opcode);
    code_.append_bytes(encoded.data(), encoded.size());
}

void BytecodeEmitter::op_qstr(int stack_delta, std::uint8_t opcode, std::string_view qstr) {
    // Registered before the dead-code check: the index exists even if the code is dropped.
    std::uint32_t index = module_.use_qstr(qstr);
    op_uint(stack_delta, opcode, index);
}

void BytecodeEmitter::plain(std::uint8_t opcode) { op(plain_stack_effect(opcode, 0), opcode); }

void BytecodeEmitter::plain_uint(std::uint8_t opcode, std::uint64_t arg) {
    op_uint(plain_stack_effect(opcode, static_cast<std::int64_t>(arg)), opcode, arg);
}

void BytecodeEmitter::plain_qstr(std::uint8_t opcode, std::string_view qstr) {
    op_qstr(plain_stack_effect(opcode, 0), opcode, qstr);
}

void BytecodeEmitter::plain_child(std::uint8_t opcode, std::uint32_t child, std::uint32_t closed_over) {
    child_op(plain_stack_effect(opcode, 0, closed_over), opcode, child);
}

void BytecodeEmitter::op_jump(int stack_delta, std::uint8_t opcode, Label target) {
    adjust_stack(stack_delta);
    if (recording() && !dead_) code_.append_jump(opcode, target);
}

void BytecodeEmitter::raw_byte(std::uint8_t b) {
    if (recording() && !dead_) code_.append_byte(b);
}

void BytecodeEmitter::child_op(int stack_delta, std::uint8_t opcode, std::uint32_t child) {
    // The child index counts every MAKE_* of this scope, dead ones included.
    std::uint32_t index = static_cast<std::uint32_t>(children_.size());
    if (recording()) children_.push_back(child);
    op_uint(stack_delta, opcode, index);
}

// ---- bookkeeping ---------------------------------------------------------------------------------

void BytecodeEmitter::label(Label l) {
    dead_ = false;
    if (recording()) code_.append_label(l);
}

void BytecodeEmitter::set_source_line(int line) {
    if (!recording() || !options_.line_numbers || line <= 0) return;
    // Lines only move forward; recording a smaller one would be a no-op at layout time anyway.
    if (static_cast<std::uint32_t>(line) <= last_line_) return;
    last_line_ = static_cast<std::uint32_t>(line);
    code_.append_line(last_line_);
}

// ---- constants -----------------------------------------------------------------------------------

void BytecodeEmitter::load_none() { plain(op::LOAD_CONST_NONE); }
void BytecodeEmitter::load_true() { plain(op::LOAD_CONST_TRUE); }
void BytecodeEmitter::load_false() { plain(op::LOAD_CONST_FALSE); }

void BytecodeEmitter::load_ellipsis() {
    static const ast::ConstValue kEllipsis = [] {
        ast::ConstValue c;
        c.kind = ast::ConstValue::Kind::Ellipsis;
        return c;
    }();
    load_const_obj(kEllipsis);
}

void BytecodeEmitter::load_small_int(std::int64_t value) {
    if (value >= kSmallIntMultiMin && value <= kSmallIntMultiMax) {
        plain(static_cast<std::uint8_t>(op::LOAD_CONST_SMALL_INT_MULTI + (value - kSmallIntMultiMin)));
        return;
    }
    adjust_stack(1);
    if (!recording() || dead_) return;
    const vuint::Encoded encoded = vuint::encode_signed(value);
    code_.append_byte(op::LOAD_CONST_SMALL_INT);
    code_.append_bytes(encoded.data(), encoded.size());
}

void BytecodeEmitter::load_const_str(std::string_view qstr) { plain_qstr(op::LOAD_CONST_STRING, qstr); }

void BytecodeEmitter::load_const_obj(const ast::ConstValue& value) {
    // The value's address identifies the object across passes (codegen passes AST nodes).
    std::uint32_t index = module_.use_constant(value, &value);
    plain_uint(op::LOAD_CONST_OBJ, index);
}

void BytecodeEmitter::load_null() { plain(op::LOAD_NULL); }

// ---- names ---------------------------------------------------------------------------------------

void BytecodeEmitter::load_fast(std::uint32_t slot) {
    if (slot < kFastMultiCount) {
        plain(static_cast<std::uint8_t>(op::LOAD_FAST_MULTI + slot));
    } else {
        plain_uint(op::LOAD_FAST_N, slot);
    }
}
void BytecodeEmitter::load_deref(std::uint32_t slot) { plain_uint(op::LOAD_DEREF, slot); }

void BytecodeEmitter::store_fast(std::uint32_t slot) {
    if (slot < kFastMultiCount) {
        plain(static_cast<std::uint8_t>(op::STORE_FAST_MULTI + slot));
    } else {
        plain_uint(op::STORE_FAST_N, slot);
    }
}
void BytecodeEmitter::store_deref(std::uint32_t slot) { plain_uint(op::STORE_DEREF, slot); }
void BytecodeEmitter::delete_fast(std::uint32_t slot) { plain_uint(op::DELETE_FAST, slot); }
void BytecodeEmitter::delete_deref(std::uint32_t slot) { plain_uint(op::DELETE_DEREF, slot); }

void BytecodeEmitter::load_name(std::string_view q) { plain_qstr(op::LOAD_NAME, q); }
void BytecodeEmitter::load_global(std::string_view q) { plain_qstr(op::LOAD_GLOBAL, q); }
void BytecodeEmitter::store_name(std::string_view q) { plain_qstr(op::STORE_NAME, q); }
void BytecodeEmitter::store_global(std::string_view q) { plain_qstr(op::STORE_GLOBAL, q); }
void BytecodeEmitter::delete_name(std::string_view q) { plain_qstr(op::DELETE_NAME, q); }
void BytecodeEmitter::delete_global(std::string_view q) { plain_qstr(op::DELETE_GLOBAL, q); }

// ---- attributes, subscripts, methods -------------------------------------------------------------

void BytecodeEmitter::load_attr(std::string_view q) { plain_qstr(op::LOAD_ATTR, q); }
void BytecodeEmitter::store_attr(std::string_view q) { plain_qstr(op::STORE_ATTR, q); }

void BytecodeEmitter::delete_attr(std::string_view q) {
    // There is no DELETE_ATTR: storing NULL deletes.
    load_null();
    rot_two();
    store_attr(q);
}

void BytecodeEmitter::load_subscr() { plain(op::LOAD_SUBSCR); }
void BytecodeEmitter::store_subscr() { plain(op::STORE_SUBSCR); }

void BytecodeEmitter::delete_subscr() {
    load_null();
    rot_three();
    store_subscr();
}

void BytecodeEmitter::load_method(std::string_view q, bool is_super) {
    if (is_super) {
        plain_qstr(op::LOAD_SUPER_METHOD, q);
    } else {
        plain_qstr(op::LOAD_METHOD, q);
    }
}

void BytecodeEmitter::load_build_class() { plain(op::LOAD_BUILD_CLASS); }

// ---- stack ---------------------------------------------------------------------------------------

void BytecodeEmitter::dup_top() { plain(op::DUP_TOP); }
void BytecodeEmitter::dup_top_two() { plain(op::DUP_TOP_TWO); }
void BytecodeEmitter::pop_top() { plain(op::POP_TOP); }
void BytecodeEmitter::rot_two() { plain(op::ROT_TWO); }
void BytecodeEmitter::rot_three() { plain(op::ROT_THREE); }

// ---- jumps and blocks ----------------------------------------------------------------------------

void BytecodeEmitter::jump(Label target) {
    op_jump(0, op::JUMP, target);
    start_dead_code();
}

void BytecodeEmitter::pop_jump_if(bool cond, Label target) {
    op_jump(-1, cond ? op::POP_JUMP_IF_TRUE : op::POP_JUMP_IF_FALSE, target);
}

void BytecodeEmitter::jump_if_or_pop(bool cond, Label target) {
    op_jump(-1, cond ? op::JUMP_IF_TRUE_OR_POP : op::JUMP_IF_FALSE_OR_POP, target);
}

void BytecodeEmitter::unwind_jump(Label target, unsigned depth, bool from_for) {
    if (depth == 0) {
        if (from_for) {
            // Drop the loop's iterator slots by hand; the VM has no handler to unwind.
            for (int i = 0; i < kIterBufSlots; ++i) raw_byte(op::POP_TOP);
        }
        op_jump(0, op::JUMP, target);
    } else {
        if (recording() && !dead_) {
            code_.append_jump(op::UNWIND_JUMP, target,
                              static_cast<std::uint8_t>((from_for ? kUnwindFromForBit : 0) | depth));
        }
    }
    start_dead_code();
}

void BytecodeEmitter::setup_with(Label handler) {
    op_jump(2, op::SETUP_WITH, handler);
    enter_handler();
}

void BytecodeEmitter::setup_except(Label handler) {
    op_jump(0, op::SETUP_EXCEPT, handler);
    enter_handler();
}

void BytecodeEmitter::setup_finally(Label handler) {
    op_jump(0, op::SETUP_FINALLY, handler);
    enter_handler();
}

void BytecodeEmitter::enter_handler() {
    ++except_depth_;
    if (except_depth_ > max_except_depth_) max_except_depth_ = except_depth_;
}

void BytecodeEmitter::end_finally() {
    if (except_depth_ == 0) {
        throw DiagnosticError(Diagnostic{"error", "internal: end_finally without a handler", {}});
    }
    --except_depth_;
    op(-1, op::END_FINALLY);
}

void BytecodeEmitter::with_cleanup(Label handler) {
    load_none();
    label(handler);
    // +2: room to call __exit__; then -4 cancels that and SETUP_WITH's +2.
    op(2, op::WITH_CLEANUP);
    adjust_stack(-4);
}

void BytecodeEmitter::async_with_setup_finally(Label aexit_no_exc, Label finally_block,
                                       Label ret_unwind_jump) {
    // Body finished normally: None tells END_FINALLY there is no exception.
    load_none();
    rot_two();
    jump(aexit_no_exc);
    // Entered by an exception, a return or an unwind jump: only an exception is a BaseException.
    label(finally_block);
    dup_top();
    load_global("BaseException");
    binary_op(BinaryOp::ExceptionMatch);
    pop_jump_if(false, ret_unwind_jump);
}

void BytecodeEmitter::pop_except_jump(Label target, bool /*within_handler*/) {
    op_jump(0, op::POP_EXCEPT_JUMP, target);
    start_dead_code();
}

void BytecodeEmitter::start_except_handler() { adjust_stack(4); }
void BytecodeEmitter::end_except_handler() { adjust_stack(-3); }

// ---- iteration -----------------------------------------------------------------------------------

void BytecodeEmitter::get_iter(bool use_stack) {
    if (use_stack) {
        op(kIterBufSlots - 1, op::GET_ITER_STACK);
    } else {
        plain(op::GET_ITER);
    }
}

void BytecodeEmitter::for_iter(Label end) { op_jump(1, op::FOR_ITER, end); }
void BytecodeEmitter::for_iter_end() { adjust_stack(-kIterBufSlots); }

// ---- operators -----------------------------------------------------------------------------------

void BytecodeEmitter::unary_op(UnaryOp o) {
    plain(static_cast<std::uint8_t>(op::UNARY_OP_MULTI + static_cast<unsigned>(o)));
}

void BytecodeEmitter::binary_op(BinaryOp o, bool invert) {
    plain(static_cast<std::uint8_t>(op::BINARY_OP_MULTI + static_cast<unsigned>(o)));
    if (invert) unary_op(UnaryOp::Not);
}

// ---- building ------------------------------------------------------------------------------------

void BytecodeEmitter::build_tuple(std::uint32_t n) { plain_uint(op::BUILD_TUPLE, n); }
void BytecodeEmitter::build_list(std::uint32_t n) { plain_uint(op::BUILD_LIST, n); }
void BytecodeEmitter::build_map(std::uint32_t n) { plain_uint(op::BUILD_MAP, n); }
void BytecodeEmitter::build_set(std::uint32_t n) { plain_uint(op::BUILD_SET, n); }
void BytecodeEmitter::build_slice(std::uint32_t n) { plain_uint(op::BUILD_SLICE, n); }
void BytecodeEmitter::store_map() { plain(op::STORE_MAP); }

void BytecodeEmitter::store_comp(CompKind kind, std::uint32_t stack_index) {
    // Low two bits: collection type.  A dict item is two values (key under value), so the
    // dict sits one slot further down and one more value is popped.
    unsigned extra = kind == CompKind::Dict ? 1 : 0;
    unsigned type = kind == CompKind::List ? 0 : kind == CompKind::Dict ? 1 : 2;
    plain_uint(op::STORE_COMP,
            (static_cast<std::uint64_t>(stack_index + extra) << 2) | type);
}

void BytecodeEmitter::unpack_sequence(std::uint32_t n) {
    plain_uint(op::UNPACK_SEQUENCE, n);
}

void BytecodeEmitter::unpack_ex(std::uint32_t n_left, std::uint32_t n_right) {
    plain_uint(op::UNPACK_EX,
            n_left | (static_cast<std::uint64_t>(n_right) << 8));
}

// ---- functions -----------------------------------------------------------------------------------

void BytecodeEmitter::make_function(std::uint32_t child, std::uint32_t n_pos_defaults,
                            std::uint32_t n_kw_defaults) {
    if (n_pos_defaults == 0 && n_kw_defaults == 0) {
        plain_child(op::MAKE_FUNCTION, child);
    } else {
        plain_child(op::MAKE_FUNCTION_DEFARGS, child);
    }
}

void BytecodeEmitter::make_closure(std::uint32_t child, std::uint32_t n_closed_over,
                           std::uint32_t n_pos_defaults, std::uint32_t n_kw_defaults) {
    if (n_closed_over > 255) {
        throw DiagnosticError(Diagnostic{"error", "internal: more than 255 closed-over cells", {}});
    }
    if (n_pos_defaults == 0 && n_kw_defaults == 0) {
        plain_child(op::MAKE_CLOSURE, child, n_closed_over);
    } else {
        plain_child(op::MAKE_CLOSURE_DEFARGS, child, n_closed_over);
    }
    raw_byte(static_cast<std::uint8_t>(n_closed_over));
}

void BytecodeEmitter::call_function(std::uint32_t n_positional, std::uint32_t n_keyword, bool star) {
    plain_uint(star ? op::CALL_FUNCTION_VAR_KW : op::CALL_FUNCTION,
            (static_cast<std::uint64_t>(n_keyword) << 8) | n_positional);
}

void BytecodeEmitter::call_method(std::uint32_t n_positional, std::uint32_t n_keyword, bool star) {
    plain_uint(star ? op::CALL_METHOD_VAR_KW : op::CALL_METHOD,
            (static_cast<std::uint64_t>(n_keyword) << 8) | n_positional);
}

void BytecodeEmitter::return_value() {
    op(-1, op::RETURN_VALUE);
    start_dead_code();
}

void BytecodeEmitter::raise(unsigned n_args) {
    if (n_args > 2) {
        throw DiagnosticError(Diagnostic{"error", "internal: raise with more than 2 values", {}});
    }
    op(-static_cast<int>(n_args), static_cast<std::uint8_t>(op::RAISE_LAST + n_args));
    start_dead_code();
}

void BytecodeEmitter::yield_value() {
    plain(op::YIELD_VALUE);
    module_.mark_generator(scope_);
}

void BytecodeEmitter::yield_from() {
    plain(op::YIELD_FROM);
    module_.mark_generator(scope_);
}

// ---- imports -------------------------------------------------------------------------------------

void BytecodeEmitter::import_name(std::string_view q) { plain_qstr(op::IMPORT_NAME, q); }
void BytecodeEmitter::import_from(std::string_view q) { plain_qstr(op::IMPORT_FROM, q); }
void BytecodeEmitter::import_star() { plain(op::IMPORT_STAR); }

}  // namespace mpy
