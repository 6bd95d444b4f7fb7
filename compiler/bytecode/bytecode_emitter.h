// The bytecode emitter: MicroPython 1.27 bytecode, byte-identical to mpy-cross.  See
// compiler/bytecode/emitter.h for the interface and the passes; this class adds the SCOPE pass, which
// codegen runs on it for every scope (bytecode or native) to number qstrs and constants.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/bytecode/code_builder.h"
#include "compiler/bytecode/emit_bytecode.h"
#include "compiler/bytecode/emitter.h"

namespace mpy {

class BytecodeEmitter final : public Emitter {
public:
    BytecodeEmitter(ModuleBuilder& module, EmitterOptions options = {});
    // The module being built (the inline assemblers store their machine code there).
    ModuleBuilder& module() { return module_; }
    // ---- passes ---------------------------------------------------------------------------
    // The scope pass registers simple_name as a qstr before anything else of the scope, then
    // qstrs and constants in first-use order; it writes nothing.
    void begin_scope_pass(std::uint32_t scope, std::string_view simple_name);
    void end_scope_pass();
    void begin_code_pass(std::uint32_t scope, const ScopeSignature& signature) override;
    void end_code_pass() override;
    bool in_scope_pass() const { return pass_ == Pass::Scope; }
    bool is_generator() const override;
    // ---- bookkeeping ------------------------------------------------------------------------
    Label new_label() override { return next_label_++; }
    void label(Label l) override;
    void set_source_line(int line) override;
    void adjust_stack(int delta) override;
    unsigned except_depth() const override { return except_depth_; }
    // ---- constants --------------------------------------------------------------------------
    void load_none() override;
    void load_true() override;
    void load_false() override;
    void load_ellipsis() override;
    void load_small_int(std::int64_t value) override;    // LOAD_CONST_SMALL_INT (multi form -16..47)
    void load_const_str(std::string_view qstr) override; // LOAD_CONST_STRING (interned string)
    void load_const_obj(const ast::ConstValue& value) override;
    void load_null() override;
    // ---- names --------------------------------------------------------------------------------
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
    // ---- attributes, subscripts, methods -------------------------------------------------------
    void load_attr(std::string_view qstr) override;
    void store_attr(std::string_view qstr) override;   // value obj -> (STORE_ATTR)
    void delete_attr(std::string_view qstr) override;  // obj -> (LOAD_NULL, ROT_TWO, STORE_ATTR)
    void load_subscr() override;
    void store_subscr() override;
    void delete_subscr() override;                     // obj index -> (LOAD_NULL, ROT_THREE, STORE_SUBSCR)
    void load_method(std::string_view qstr, bool is_super = false) override;
    void load_build_class() override;
    // ---- stack ----------------------------------------------------------------------------------
    void dup_top() override;
    void dup_top_two() override;
    void pop_top() override;
    void rot_two() override;
    void rot_three() override;
    // ---- jumps and blocks -----------------------------------------------------------------------
    void jump(Label target) override;
    void pop_jump_if(bool cond, Label target) override;
    void jump_if_or_pop(bool cond, Label target) override;
    void unwind_jump(Label target, unsigned depth, bool from_for) override;
    void setup_with(Label handler) override;
    void setup_except(Label handler) override;
    void setup_finally(Label handler) override;
    void end_finally() override;
    void with_cleanup(Label handler) override;
    void async_with_setup_finally(Label aexit_no_exc, Label finally_block, Label ret_unwind_jump) override;
    void pop_except_jump(Label target, bool within_handler) override;
    void start_except_handler() override;
    void end_except_handler() override;
    // ---- iteration ------------------------------------------------------------------------------
    void get_iter(bool use_stack) override;
    void for_iter(Label end) override;   // FOR_ITER: +1 (the next item)
    void for_iter_end() override;        // after the loop's end label: -kIterBufSlots (no code)
    // ---- operators ------------------------------------------------------------------------------
    void unary_op(UnaryOp op) override;
    void binary_op(BinaryOp op, bool invert = false) override;
    // ---- building -------------------------------------------------------------------------------
    void build_tuple(std::uint32_t n) override;
    void build_list(std::uint32_t n) override;
    void build_map(std::uint32_t n) override;
    void build_set(std::uint32_t n) override;
    void build_slice(std::uint32_t n) override;
    void store_map() override;
    void store_comp(CompKind kind, std::uint32_t stack_index) override;
    void unpack_sequence(std::uint32_t n) override;
    void unpack_ex(std::uint32_t n_left, std::uint32_t n_right) override;
    // ---- functions --------------------------------------------------------------------------------
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
    // ---- imports ----------------------------------------------------------------------------------
    void import_name(std::string_view qstr) override;
    void import_from(std::string_view qstr) override;
    void import_star() override;

private:
    enum class Pass : std::uint8_t { None, Scope, Code };

    // Recording primitives.  All register qstrs/constants first (even in dead code), then write
    // unless the scope pass or dead code says not to.
    void op(int stack_delta, std::uint8_t opcode);
    void op_uint(int stack_delta, std::uint8_t opcode, std::uint64_t arg);
    void op_qstr(int stack_delta, std::uint8_t opcode, std::string_view qstr);
    void op_jump(int stack_delta, std::uint8_t opcode, Label target);
    // An instruction that falls through, its stack effect from common/stack_effect.h (shared with
    // mpytool's stack checker); the explicit stack_delta forms above are for control flow.
    void plain(std::uint8_t opcode);
    void plain_uint(std::uint8_t opcode, std::uint64_t arg);
    void plain_qstr(std::uint8_t opcode, std::string_view qstr);
    void plain_child(std::uint8_t opcode, std::uint32_t child, std::uint32_t closed_over = 0);
    void raw_byte(std::uint8_t b);  // no stack effect (extra bytes, unwind POP_TOPs)
    void child_op(int stack_delta, std::uint8_t opcode, std::uint32_t child);
    void start_dead_code() { dead_ = true; }
    void enter_handler();  // one more exception-handler level
    bool recording() const { return pass_ == Pass::Code; }

    ModuleBuilder& module_;
    EmitterOptions options_;
    Pass pass_ = Pass::None;
    std::uint32_t scope_ = 0;
    Label next_label_ = 0;
    bool dead_ = false;

    // Code pass state.
    ScopeSignature signature_;
    RecordedCode code_;
    std::vector<std::uint32_t> children_;
    int stack_depth_ = 0;
    int max_stack_depth_ = 0;
    unsigned except_depth_ = 0;
    unsigned max_except_depth_ = 0;
    std::uint32_t last_line_ = 1;  // last line recorded (the VM's line count starts at 1)
};

}  // namespace mpy
