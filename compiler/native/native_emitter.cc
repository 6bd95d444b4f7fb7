#include "compiler/native/native_emitter.h"

#include <utility>

#include "compiler/native/native_function.h"

namespace mpy {

using K = NativeOpKind;

NativeEmitter::NativeEmitter(ModuleBuilder& module, const NativeConfig& config)
    : module_(module), config_(config), assembler_(make_native_asm(config)) {}

NativeOp& NativeEmitter::record(NativeOpKind kind, std::int64_t a) {
    NativeOp& op = ops_.emplace_back();
    op.kind = kind;
    op.a = a;
    return op;
}

NativeOp& NativeEmitter::record_name(NativeOpKind kind, std::string_view name) {
    NativeOp& op = record(kind);
    op.name = std::string(name);
    return op;
}

// ---- passes --------------------------------------------------------------------------------------

void NativeEmitter::begin_code_pass(std::uint32_t scope, const ScopeSignature& signature) {
    scope_ = scope;
    signature_ = signature;
    ops_.clear();
    constants_.clear();
    constant_ids_.clear();
    // compile.c numbers a native scope's labels after six it reserves for the entry code, and
    // reserves more right after the operations below; the numbers show in -march=debug's trace.
    next_label_ = kEntryLabels;
    except_depth_ = 0;
    // A yield seen in the scope pass already makes this a generator: the reference's native
    // emitter sets the flag when it meets the first yield, but the scope pass (run on the
    // bytecode emitter) has set it on the scope before.
    generator_ = module_.is_generator(scope);
}

void NativeEmitter::end_code_pass() {
    NativeScopeInput input;
    input.scope = scope_;
    input.signature = &signature_;
    input.ops = &ops_;
    input.constants = &constants_;
    input.constant_ids = &constant_ids_;
    input.num_user_labels = next_label_;
    input.generator = generator_;
    input.config = config_;
    input.assembler = assembler_.get();
    NativeFunction function(module_, input);
    NativeFunctionResult result = function.compile();
    if (generator_) module_.mark_generator(scope_);
    module_.set_native_code(scope_, std::move(result.code), std::move(result.children));
    ops_.clear();
    constants_.clear();
    constant_ids_.clear();
}

bool NativeEmitter::is_generator() const { return generator_; }

// ---- bookkeeping ---------------------------------------------------------------------------------

void NativeEmitter::label(Label l) { record(K::Label, l); }
// Native code keeps no line-number table (the reference's set_source_line does nothing).
void NativeEmitter::set_source_line(int) {}
void NativeEmitter::begin_statement_list() { record(K::ListBegin); }
void NativeEmitter::end_list_statement(int line) { record(K::ListStatementEnd, line); }
void NativeEmitter::end_statement_list() { record(K::ListEnd); }
void NativeEmitter::adjust_stack(int delta) { record(K::AdjustStack, delta); }

// ---- constants -----------------------------------------------------------------------------------

void NativeEmitter::load_none() { record(K::LoadNone); }
void NativeEmitter::load_true() { record(K::LoadTrue); }
void NativeEmitter::load_false() { record(K::LoadFalse); }
void NativeEmitter::load_ellipsis() {
    ast::ConstValue v;
    v.kind = ast::ConstValue::Kind::Ellipsis;
    constants_.push_back(v);
    constant_ids_.push_back(nullptr);
    record(K::LoadConstObj, static_cast<std::int64_t>(constants_.size() - 1));
}
void NativeEmitter::load_small_int(std::int64_t value) { record(K::LoadSmallInt, value); }
void NativeEmitter::load_const_str(std::string_view qstr) { record_name(K::LoadConstStr, qstr); }
void NativeEmitter::load_const_obj(const ast::ConstValue& value) {
    constants_.push_back(value);
    constant_ids_.push_back(&value);
    record(K::LoadConstObj, static_cast<std::int64_t>(constants_.size() - 1));
}
void NativeEmitter::load_null() { record(K::LoadNull); }

// ---- names ---------------------------------------------------------------------------------------

void NativeEmitter::load_fast(std::uint32_t slot) { record(K::LoadFast, slot); }
void NativeEmitter::load_deref(std::uint32_t slot) { record(K::LoadDeref, slot); }
void NativeEmitter::store_fast(std::uint32_t slot) { record(K::StoreFast, slot); }
void NativeEmitter::store_deref(std::uint32_t slot) { record(K::StoreDeref, slot); }
void NativeEmitter::delete_fast(std::uint32_t slot) { record(K::DeleteFast, slot); }
void NativeEmitter::delete_deref(std::uint32_t slot) { record(K::DeleteDeref, slot); }
void NativeEmitter::load_name(std::string_view q) { record_name(K::LoadName, q); }
void NativeEmitter::load_global(std::string_view q) { record_name(K::LoadGlobal, q); }
void NativeEmitter::store_name(std::string_view q) { record_name(K::StoreName, q); }
void NativeEmitter::store_global(std::string_view q) { record_name(K::StoreGlobal, q); }
void NativeEmitter::delete_name(std::string_view q) { record_name(K::DeleteName, q); }
void NativeEmitter::delete_global(std::string_view q) { record_name(K::DeleteGlobal, q); }

// ---- attributes, subscripts, methods -------------------------------------------------------------

void NativeEmitter::load_attr(std::string_view q) { record_name(K::LoadAttr, q); }
void NativeEmitter::store_attr(std::string_view q) { record_name(K::StoreAttr, q); }
void NativeEmitter::delete_attr(std::string_view q) { record_name(K::DeleteAttr, q); }
void NativeEmitter::load_subscr() { record(K::LoadSubscr); }
void NativeEmitter::store_subscr() { record(K::StoreSubscr); }
void NativeEmitter::delete_subscr() { record(K::DeleteSubscr); }
void NativeEmitter::load_method(std::string_view q, bool is_super) {
    record_name(K::LoadMethod, q).flag = is_super;
}
void NativeEmitter::load_build_class() { record(K::LoadBuildClass); }

// ---- stack ---------------------------------------------------------------------------------------

void NativeEmitter::dup_top() { record(K::DupTop); }
void NativeEmitter::dup_top_two() { record(K::DupTopTwo); }
void NativeEmitter::pop_top() { record(K::PopTop); }
void NativeEmitter::rot_two() { record(K::RotTwo); }
void NativeEmitter::rot_three() { record(K::RotThree); }

// ---- jumps and blocks ----------------------------------------------------------------------------

void NativeEmitter::jump(Label target) { record(K::Jump, target); }
void NativeEmitter::pop_jump_if(bool cond, Label target) { record(K::PopJumpIf, target).flag = cond; }
void NativeEmitter::jump_if_or_pop(bool cond, Label target) {
    record(K::JumpIfOrPop, target).flag = cond;
}
void NativeEmitter::unwind_jump(Label target, unsigned depth, bool from_for) {
    NativeOp& op = record(K::UnwindJump, target);
    op.b = depth;
    op.flag = from_for;
}
void NativeEmitter::setup_with(Label handler) {
    record(K::SetupWith, handler);
    ++except_depth_;
}
void NativeEmitter::setup_except(Label handler) {
    record(K::SetupExcept, handler);
    ++except_depth_;
}
void NativeEmitter::setup_finally(Label handler) {
    record(K::SetupFinally, handler);
    ++except_depth_;
}
void NativeEmitter::end_finally() {
    record(K::EndFinally).d = reserve_labels(1);
    if (except_depth_ > 0) --except_depth_;
}
void NativeEmitter::with_cleanup(Label handler) { record(K::WithCleanup, handler).d = reserve_labels(3); }
void NativeEmitter::async_with_setup_finally(Label aexit_no_exc, Label finally_block,
                                             Label ret_unwind_jump) {
    NativeOp& op = record(K::AsyncWithSetupFinally, aexit_no_exc);
    op.b = finally_block;
    op.c = ret_unwind_jump;
}
void NativeEmitter::pop_except_jump(Label target, bool within_handler) {
    record(K::PopExceptJump, target).flag = within_handler;
}
void NativeEmitter::start_except_handler() { record(K::StartExceptHandler); }
void NativeEmitter::end_except_handler() { record(K::EndExceptHandler); }

// ---- iteration -----------------------------------------------------------------------------------

void NativeEmitter::get_iter(bool use_stack) { record(K::GetIter).flag = use_stack; }
void NativeEmitter::for_iter(Label end) { record(K::ForIter, end); }
void NativeEmitter::for_iter_end() { record(K::ForIterEnd); }

// ---- operators -----------------------------------------------------------------------------------

void NativeEmitter::unary_op(UnaryOp op) { record(K::UnaryOp, static_cast<std::int64_t>(op)); }
void NativeEmitter::binary_op(BinaryOp op, bool invert) {
    record(K::BinaryOp, static_cast<std::int64_t>(op)).flag = invert;
}

// ---- building ------------------------------------------------------------------------------------

void NativeEmitter::build_tuple(std::uint32_t n) { record(K::BuildTuple, n); }
void NativeEmitter::build_list(std::uint32_t n) { record(K::BuildList, n); }
void NativeEmitter::build_map(std::uint32_t n) { record(K::BuildMap, n); }
void NativeEmitter::build_set(std::uint32_t n) { record(K::BuildSet, n); }
void NativeEmitter::build_slice(std::uint32_t n) { record(K::BuildSlice, n); }
void NativeEmitter::store_map() { record(K::StoreMap); }
void NativeEmitter::store_comp(CompKind kind, std::uint32_t stack_index) {
    record(K::StoreComp, static_cast<std::int64_t>(kind)).b = stack_index;
}
void NativeEmitter::unpack_sequence(std::uint32_t n) { record(K::UnpackSequence, n); }
void NativeEmitter::unpack_ex(std::uint32_t n_left, std::uint32_t n_right) {
    record(K::UnpackEx, n_left).b = n_right;
}

// ---- functions -----------------------------------------------------------------------------------

void NativeEmitter::make_function(std::uint32_t child, std::uint32_t n_pos_defaults,
                                  std::uint32_t n_kw_defaults) {
    NativeOp& op = record(K::MakeFunction, child);
    op.c = n_pos_defaults;
    op.d = n_kw_defaults;
}
void NativeEmitter::make_closure(std::uint32_t child, std::uint32_t n_closed_over,
                                 std::uint32_t n_pos_defaults, std::uint32_t n_kw_defaults) {
    NativeOp& op = record(K::MakeClosure, child);
    op.b = n_closed_over;
    op.c = n_pos_defaults;
    op.d = n_kw_defaults;
}
void NativeEmitter::call_function(std::uint32_t n_positional, std::uint32_t n_keyword, bool star) {
    NativeOp& op = record(K::CallFunction, n_positional);
    op.b = n_keyword;
    op.flag = star;
}
void NativeEmitter::call_method(std::uint32_t n_positional, std::uint32_t n_keyword, bool star) {
    NativeOp& op = record(K::CallMethod, n_positional);
    op.b = n_keyword;
    op.flag = star;
}
void NativeEmitter::return_value() { record(K::ReturnValue); }
void NativeEmitter::raise(unsigned n_args) { record(K::Raise, n_args); }
void NativeEmitter::yield_value() {
    record(K::YieldValue).d = reserve_labels(1);
    generator_ = true;
}
void NativeEmitter::yield_from() {
    record(K::YieldFrom).d = reserve_labels(3);
    generator_ = true;
}

// ---- imports -------------------------------------------------------------------------------------

void NativeEmitter::import_name(std::string_view q) { record_name(K::ImportName, q); }
void NativeEmitter::import_from(std::string_view q) { record_name(K::ImportFrom, q); }
void NativeEmitter::import_star() { record(K::ImportStar); }

}  // namespace mpy
