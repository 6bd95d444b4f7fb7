// The native emitter: machine code for @micropython.native and @micropython.viper scopes,
// byte-identical to `mpy-cross -march=<arch>` (MicroPython 1.27) for the architectures mpyc has
// a back end for (compiler/native/native_arch.h).
//
// Codegen drives it exactly like the bytecode emitter (compiler/bytecode/emitter.h), once per scope (the
// code pass).  The calls are recorded (compiler/native/native_ops.h) and, at end_code_pass, replayed by
// NativeFunction (compiler/native/native_function.h) over the reference's three passes; the result goes
// to ModuleBuilder::set_native_code.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/mpy_format.h"
#include "compiler/bytecode/code_builder.h"
#include "compiler/bytecode/emitter.h"
#include "compiler/native/native_asm.h"
#include "compiler/native/native_ops.h"

namespace mpy {

class NativeEmitter final : public Emitter {
public:
    explicit NativeEmitter(ModuleBuilder& module, const NativeConfig& config = {});

    void begin_code_pass(std::uint32_t scope, const ScopeSignature& signature) override;
    void end_code_pass() override;
    bool is_generator() const override;

    Label new_label() override { return next_label_++; }
    void label(Label l) override;
    void set_source_line(int line) override;
    void adjust_stack(int delta) override;
    // Statement lists of >= 2 statements (compile.c's compile_generic_all_nodes): an error in
    // viper code takes the line of the list statement that was being compiled, and the rest of
    // that list is not compiled (so a later error in it cannot replace the message).
    void begin_statement_list() override;
    void end_list_statement(int line) override;
    void end_statement_list() override;
    unsigned except_depth() const override { return except_depth_; }

    void load_none() override;
    void load_true() override;
    void load_false() override;
    void load_ellipsis() override;
    void load_small_int(std::int64_t value) override;
    void load_const_str(std::string_view qstr) override;
    void load_const_obj(const ast::ConstValue& value) override;
    void load_null() override;

    void load_fast(std::uint32_t slot) override;
    void load_deref(std::uint32_t slot) override;
    void store_fast(std::uint32_t slot) override;
    void store_deref(std::uint32_t slot) override;
    void delete_fast(std::uint32_t slot) override;
    void delete_deref(std::uint32_t slot) override;
    void load_name(std::string_view qstr) override;
    void load_global(std::string_view qstr) override;
    void store_name(std::string_view qstr) override;
    void store_global(std::string_view qstr) override;
    void delete_name(std::string_view qstr) override;
    void delete_global(std::string_view qstr) override;

    void load_attr(std::string_view qstr) override;
    void store_attr(std::string_view qstr) override;
    void delete_attr(std::string_view qstr) override;
    void load_subscr() override;
    void store_subscr() override;
    void delete_subscr() override;
    void load_method(std::string_view qstr, bool is_super = false) override;
    void load_build_class() override;

    void dup_top() override;
    void dup_top_two() override;
    void pop_top() override;
    void rot_two() override;
    void rot_three() override;

    void jump(Label target) override;
    void pop_jump_if(bool cond, Label target) override;
    void jump_if_or_pop(bool cond, Label target) override;
    void unwind_jump(Label target, unsigned depth, bool from_for) override;
    void setup_with(Label handler) override;
    void setup_except(Label handler) override;
    void setup_finally(Label handler) override;
    void end_finally() override;
    void with_cleanup(Label handler) override;
    void async_with_setup_finally(Label aexit_no_exc, Label finally_block,
                                  Label ret_unwind_jump) override;
    void pop_except_jump(Label target, bool within_handler) override;
    void start_except_handler() override;
    void end_except_handler() override;

    void get_iter(bool use_stack) override;
    void for_iter(Label end) override;
    void for_iter_end() override;

    void unary_op(UnaryOp op) override;
    void binary_op(BinaryOp op, bool invert = false) override;

    void build_tuple(std::uint32_t n) override;
    void build_list(std::uint32_t n) override;
    void build_map(std::uint32_t n) override;
    void build_set(std::uint32_t n) override;
    void build_slice(std::uint32_t n) override;
    void store_map() override;
    void store_comp(CompKind kind, std::uint32_t stack_index) override;
    void unpack_sequence(std::uint32_t n) override;
    void unpack_ex(std::uint32_t n_left, std::uint32_t n_right) override;

    void make_function(std::uint32_t child, std::uint32_t n_pos_defaults,
                       std::uint32_t n_kw_defaults) override;
    void make_closure(std::uint32_t child, std::uint32_t n_closed_over,
                      std::uint32_t n_pos_defaults, std::uint32_t n_kw_defaults) override;
    void call_function(std::uint32_t n_positional, std::uint32_t n_keyword, bool star) override;
    void call_method(std::uint32_t n_positional, std::uint32_t n_keyword, bool star) override;
    void return_value() override;
    void raise(unsigned n_args) override;
    void yield_value() override;
    void yield_from() override;

    void import_name(std::string_view qstr) override;
    void import_from(std::string_view qstr) override;
    void import_star() override;

private:
    NativeOp& record(NativeOpKind kind, std::int64_t a = 0);
    NativeOp& record_name(NativeOpKind kind, std::string_view name);

    ModuleBuilder& module_;
    NativeConfig config_;
    // One back end for every scope of the module (see NativeScopeInput::assembler).
    std::unique_ptr<NativeAsm> assembler_;
    std::uint32_t scope_ = 0;
    ScopeSignature signature_;
    std::vector<NativeOp> ops_;
    // Constants loaded by LoadConstObj ops (op.a indexes this), with the address of the AST's
    // node as identity (see ModuleBuilder::use_constant).  A deque keeps addresses stable.
    std::deque<ast::ConstValue> constants_;
    std::vector<const void*> constant_ids_;
    Label next_label_ = 0;
    // Labels 0..5: the entry code's (NativeFunction::begin_function).
    static constexpr Label kEntryLabels = 6;
    // The first of `n` labels reserved for the operation just recorded.
    Label reserve_labels(Label n) {
        const Label first = next_label_;
        next_label_ += n;
        return first;
    }
    unsigned except_depth_ = 0;
    bool generator_ = false;
};

}  // namespace mpy
