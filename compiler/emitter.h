// The bytecode emitter: the interface the code generator drives while walking a scope's AST, one
// call per instruction kind, producing MicroPython 1.27 bytecode byte-identical to mpy-cross.
//
// How the passes work (and why codegen walks each scope only twice)
// -----------------------------------------------------------------
// mpy-cross compiles a module in these steps:
//   1. SCOPE pass over every scope, in discovery order (module, then nested scopes in the order
//      the walk creates them).  Names are collected for scope analysis, and -- this matters for
//      the output -- every instruction except the identifier ops (load/store/delete of a name,
//      whose opcode is unknown until analysis is done) already goes through the emitter, which
//      numbers qstrs and constants in FIRST-USE order.
//   2. Then, for each scope in the same order, STACK_SIZE, CODE_SIZE and EMIT passes, EMIT
//      repeated until the code stops shrinking (jump offsets start 2 bytes wide and shrink to 1
//      byte when they fit).  These passes emit the same instruction stream every time.
// Because passes 2.x all see the same stream, this emitter records the stream ONCE (the "code
// pass") and replays the reference's STACK_SIZE / CODE_SIZE / EMIT* layout internally
// (compiler/emit_bytecode.h), including its exact jump-shrinking history.  So codegen does:
//
//     ModuleBuilder module(source_name);                 // qstr 0 = source name
//     Emitter emit(module, options);
//     for each scope s in discovery order:               // 1. scope pass
//         emit.begin_scope_pass(s.index, s.simple_name);
//         walk(s) calling every emit method EXCEPT the identifier ops that go through scope
//         analysis (load/store/delete_{fast,deref,name,global} chosen from a name's kind);
//         direct ones the reference emits unconditionally still go through, e.g.
//         load_global("AssertionError") for `assert`, load_global("StopAsyncIteration").
//         emit.end_scope_pass();
//     analyse scopes (slots, cells, free variables)
//     for each scope s in discovery order:               // 2. code pass
//         emit.begin_code_pass(s.index, signature_of(s));
//         walk(s) calling everything, with labels and set_source_line;
//         emit.end_code_pass();                          // lays out, stores the bytes
//     MpyModule m = module.to_module(header);
//
// In the scope pass labels, lines, jumps and stack effects are accepted and ignored; only the
// qstr / constant registrations and the generator flag (set by yield) have an effect.
//
// Dead code: after jump / return_value / raise / unwind_jump / pop_except_jump and until the next
// label, instructions are not written -- but their qstrs, constants and children still count
// (the reference numbers them before deciding not to write), their stack effects still count
// towards n_state, and their source lines still enter the line table.  Codegen need not care:
// just emit.
//
// Stack depth: every method applies its own stack effect (documented per method where it is not
// obvious).  n_state = num_locals + max depth (at least 1).  Exception depth: setup_with /
// setup_except / setup_finally enter one handler level, end_finally leaves one; the maximum is the
// prelude's n_exc_stack.  (The reference pairs these in compile_increase/decrease_except_level.)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/opcodes.h"
#include "compiler/ast.h"
#include "compiler/code_builder.h"
#include "compiler/emit_bytecode.h"

namespace mpy {

// A jump target within one scope.  Allocate with Emitter::new_label(); numbering restarts at 0
// with every begin_*_pass (labels of different passes need not match).
using Label = std::uint32_t;

struct EmitterOptions {
    // mpy-cross -O3 and above stores no line-number table (every set_source_line is ignored).
    bool line_numbers = true;
};

// What the prelude needs to know about a scope, filled by codegen after scope analysis.
struct ScopeSignature {
    std::string simple_name;       // "<module>", "f", "<lambda>", "<listcomp>", "C", ...
    // kScopeVarArgs / kScopeVarKeywords / kScopeDefKwArgs (common/mpy_format.h).  The generator
    // flag is added by the emitter itself when the scope pass or code pass saw a yield.
    std::uint32_t scope_flags = 0;
    std::uint32_t num_pos_args = 0;
    std::uint32_t num_kwonly_args = 0;
    std::uint32_t num_def_pos_args = 0;
    std::uint32_t num_locals = 0;
    // One name per argument position 0 .. num_pos_args + num_kwonly_args - 1: the name of the
    // parameter whose local slot is that position, or "*" if no parameter has that slot.
    // (Registered as qstrs in this order, right after simple_name.)
    std::vector<std::string> arg_names;
    // Local slot of every Cell variable, in the scope's name-table order (the prelude's closure
    // section: the VM wraps these slots into cells on entry).  Each must be <= 255.
    std::vector<std::uint32_t> cell_slots;
};

// Kind of collection a comprehension appends to (STORE_COMP).
enum class CompKind : std::uint8_t { List, Dict, Set };

class Emitter {
public:
    Emitter(ModuleBuilder& module, EmitterOptions options = {});

    // ---- passes ---------------------------------------------------------------------------
    // `scope` identifies the scope in the ModuleBuilder (use codegen's Scope::index: 0 = module).
    // The scope pass registers simple_name as a qstr before anything else of the scope.
    void begin_scope_pass(std::uint32_t scope, std::string_view simple_name);
    void end_scope_pass();
    // Registers simple_name then arg_names as qstrs, then records the stream.
    void begin_code_pass(std::uint32_t scope, const ScopeSignature& signature);
    // Lays out the recorded code and hands it to the ModuleBuilder.  Throws DiagnosticError
    // {"RuntimeError", "bytecode overflow"} if a jump does not fit 15 bits (as mpy-cross).
    void end_code_pass();

    bool in_scope_pass() const { return pass_ == Pass::Scope; }
    // True once a yield was emitted in this scope (in its scope pass or so far in its code
    // pass).  A lambda body needs it: a generator lambda returns None.
    bool is_generator() const;

    // ---- bookkeeping ------------------------------------------------------------------------
    Label new_label() { return next_label_++; }
    void label(Label l);  // assign `l` here; ends a dead-code region
    // Record that the following code comes from source line `line` (ignored unless greater than
    // the last recorded line; 0 is ignored).
    void set_source_line(int line);
    // Explicit stack-depth corrections codegen knows about (finally blocks, except handlers,
    // if-expression arms, for-range else, comparison chains...).
    void adjust_stack(int delta);
    // Current number of active exception-handler levels (for break/continue: UNWIND_JUMP depth).
    unsigned except_depth() const { return except_depth_; }

    // ---- constants --------------------------------------------------------------------------
    void load_none();
    void load_true();
    void load_false();
    void load_ellipsis();                       // LOAD_CONST_OBJ of the Ellipsis constant
    void load_small_int(std::int64_t value);    // LOAD_CONST_SMALL_INT (multi form -16..47)
    void load_const_str(std::string_view qstr); // LOAD_CONST_STRING (interned string)
    // LOAD_CONST_OBJ, deduplicated.  Pass the AST's own ConstValue (not a copy): its address is
    // the object's identity, which decides whether two NaNs are one constant (see
    // ModuleBuilder::use_constant).
    void load_const_obj(const ast::ConstValue& value);
    // Dispatches a parser constant the way the reference compiler does: None/True/False/...
    // tokens, small ints, interned strings, else a constant object.
    void load_const(const ast::ConstValue& value);
    void load_null();

    // ---- names --------------------------------------------------------------------------------
    // Locals: `slot` is the local (fast) or closure (deref) slot number.
    void load_fast(std::uint32_t slot);   // LOAD_FAST 0..15 multi form, else LOAD_FAST_N
    void load_deref(std::uint32_t slot);
    void store_fast(std::uint32_t slot);
    void store_deref(std::uint32_t slot);
    void delete_fast(std::uint32_t slot);
    void delete_deref(std::uint32_t slot);
    // Globals: *_NAME (module/class level, implicit) or *_GLOBAL (explicit / from a function).
    void load_name(std::string_view qstr);
    void load_global(std::string_view qstr);
    void store_name(std::string_view qstr);
    void store_global(std::string_view qstr);
    void delete_name(std::string_view qstr);
    void delete_global(std::string_view qstr);

    // ---- attributes, subscripts, methods -------------------------------------------------------
    void load_attr(std::string_view qstr);    // obj -> value
    void store_attr(std::string_view qstr);   // value obj -> (STORE_ATTR)
    void delete_attr(std::string_view qstr);  // obj -> (LOAD_NULL, ROT_TWO, STORE_ATTR)
    void load_subscr();                       // obj index -> value
    void store_subscr();                      // value obj index ->
    void delete_subscr();                     // obj index -> (LOAD_NULL, ROT_THREE, STORE_SUBSCR)
    // obj -> method self (LOAD_METHOD);  with is_super: the 3 values codegen pushed for super()
    // -> method self (LOAD_SUPER_METHOD, net -1).
    void load_method(std::string_view qstr, bool is_super = false);
    void load_build_class();

    // ---- stack ----------------------------------------------------------------------------------
    void dup_top();
    void dup_top_two();
    void pop_top();
    void rot_two();
    void rot_three();

    // ---- jumps and blocks -----------------------------------------------------------------------
    void jump(Label target);                     // starts dead code
    void pop_jump_if(bool cond, Label target);   // POP_JUMP_IF_TRUE / _FALSE
    void jump_if_or_pop(bool cond, Label target);  // JUMP_IF_TRUE_OR_POP / _FALSE_OR_POP
    // break/continue out of `depth` handler levels (depth = except_depth() at the jump minus at
    // the loop).  depth 0: a plain JUMP, preceded by 4 POP_TOPs when leaving a for loop
    // (`from_for`: its iterator occupies kIterBufSlots stack slots).  depth > 0: UNWIND_JUMP with
    // the extra byte depth | (from_for ? 0x80 : 0).  Starts dead code.
    void unwind_jump(Label target, unsigned depth, bool from_for);
    // Enter one handler level (SETUP_WITH: ctx_mgr -> __exit__ ctx_mgr as_value, net +2).
    void setup_with(Label handler);
    void setup_except(Label handler);
    void setup_finally(Label handler);
    // Leave one handler level: END_FINALLY (pops 1).
    void end_finally();
    // LOAD_CONST_NONE, label(handler), WITH_CLEANUP (and the reference's -4 + 2 stack bookkeeping).
    void with_cleanup(Label handler);
    // The async-with "finally" entry sequence (None, ROT_TWO, JUMP aexit_no_exc, label
    // finally_block, DUP_TOP, LOAD_GLOBAL BaseException, BINARY_OP exception-match,
    // POP_JUMP_IF_FALSE ret_unwind_jump).
    void async_with_setup_finally(Label aexit_no_exc, Label finally_block, Label ret_unwind_jump);
    void pop_except_jump(Label target);   // starts dead code
    // Stack bookkeeping around except handlers (+4 on entry: the exception and room for an
    // unwind; -3 at the end).  Emit nothing.
    void start_except_handler();
    void end_except_handler();

    // ---- iteration ------------------------------------------------------------------------------
    // GET_ITER (0) or GET_ITER_STACK (+3: the iterator takes kIterBufSlots slots).
    void get_iter(bool use_stack);
    void for_iter(Label end);   // FOR_ITER: +1 (the next item)
    void for_iter_end();        // after the loop's end label: -kIterBufSlots (no code)

    // ---- operators ------------------------------------------------------------------------------
    void unary_op(UnaryOp op);
    // `invert` gives `not in` / `is not`: BINARY_OP In/Is followed by UNARY_OP Not.
    void binary_op(BinaryOp op, bool invert = false);

    // ---- building -------------------------------------------------------------------------------
    void build_tuple(std::uint32_t n);
    void build_list(std::uint32_t n);
    void build_map(std::uint32_t n);   // n is a size hint; pushes 1, pops nothing
    void build_set(std::uint32_t n);
    void build_slice(std::uint32_t n);  // 2 or 3
    void store_map();                   // map value key -> map
    // Append TOS to the collection `stack_index` entries below it (dict: key and value).
    void store_comp(CompKind kind, std::uint32_t stack_index);
    void unpack_sequence(std::uint32_t n);
    void unpack_ex(std::uint32_t n_left, std::uint32_t n_right);

    // ---- functions --------------------------------------------------------------------------------
    // `child` is the nested scope's id.  Defaults (if any) are on the stack: a positional tuple
    // (or None) and a keyword dict (or NULL) -- MAKE_FUNCTION_DEFARGS pops both.
    void make_function(std::uint32_t child, std::uint32_t n_pos_defaults,
                       std::uint32_t n_kw_defaults);
    // The `n_closed_over` cells are on the stack (above the defaults if any).
    void make_closure(std::uint32_t child, std::uint32_t n_closed_over,
                      std::uint32_t n_pos_defaults, std::uint32_t n_kw_defaults);
    // fn args... -> result.  n_keyword pairs (name, value).  `star`: there is a *args or
    // **kwargs; codegen has pushed the star-args bitmap/objects the reference pushes, and the
    // _VAR_KW form is used (it pops one more).
    void call_function(std::uint32_t n_positional, std::uint32_t n_keyword, bool star);
    // method self args... -> result
    void call_method(std::uint32_t n_positional, std::uint32_t n_keyword, bool star);
    void return_value();                 // starts dead code
    // n_args 0: RAISE_LAST (re-raise), 1: RAISE_OBJ, 2: RAISE_FROM.  Starts dead code.
    void raise(unsigned n_args);
    void yield_value();                  // marks the scope a generator
    void yield_from();                   // marks the scope a generator

    // ---- imports ----------------------------------------------------------------------------------
    void import_name(std::string_view qstr);  // level fromlist -> module
    void import_from(std::string_view qstr);  // module -> module value
    void import_star();                       // module ->

private:
    enum class Pass : std::uint8_t { None, Scope, Code };

    // Recording primitives.  All register qstrs/constants first (even in dead code), then write
    // unless the scope pass or dead code says not to.
    void op(int stack_delta, std::uint8_t opcode);
    void op_uint(int stack_delta, std::uint8_t opcode, std::uint64_t arg);
    void op_qstr(int stack_delta, std::uint8_t opcode, std::string_view qstr);
    void op_jump(int stack_delta, std::uint8_t opcode, Label target);
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
