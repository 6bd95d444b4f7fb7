// The emitter interface: what the code generator drives while walking a scope's AST, one call per
// instruction kind.  Two implementations: BytecodeEmitter (compiler/bytecode/bytecode_emitter.h), which
// writes MicroPython bytecode, and NativeEmitter (compiler/native/native_emitter.h), which writes machine
// code for @micropython.native / viper scopes.  Both reproduce mpy-cross 1.27 byte for byte.
//
// The method names and stack effects are those of the bytecode instructions (MicroPython's
// compiler drives its native emitter through the same table of methods), so codegen does not know
// which kind of code it is producing.  The SCOPE pass described below always runs on the bytecode
// emitter: it numbers qstrs and constants, which does not depend on the kind of code.
//
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
// (compiler/bytecode/emit_bytecode.h), including its exact jump-shrinking history.  So codegen does:
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
#include "compiler/frontend/ast.h"
#include "compiler/bytecode/code_builder.h"

namespace mpy {

// A jump target within one scope.  Allocate with Emitter::new_label(); numbering restarts at 0
// with every begin_*_pass (labels of different passes need not match).
using Label = std::uint32_t;

struct EmitterOptions {
    // mpy-cross -O3 and above stores no line-number table (every set_source_line is ignored).
    bool line_numbers = true;
};

// Which code a scope compiles to: bytecode, or machine code for @micropython.native (Python
// semantics) or @micropython.viper (typed integers and pointers).
enum class EmitKind : std::uint8_t { Bytecode, Native, Viper };

// What the prelude needs to know about a scope, filled by codegen after scope analysis.
struct ScopeSignature {
    EmitKind emit = EmitKind::Bytecode;
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
    // The identifier of each local slot (num_locals entries, "" for a slot without one), for
    // error messages such as viper's "local 'x' used before type known".
    std::vector<std::string> local_names;
    // Some name is an explicit global (MicroPython's MP_SCOPE_FLAG_REFGLOBALS from scope
    // analysis; making a function sets it too, which the emitter sees itself).
    bool references_globals = false;
    // Viper only: the type annotations of the plain parameters and of the return value (codegen
    // has already rejected unknown type names and non-identifiers in the scope pass, as
    // mpy-cross does).
    struct Annotation {
        static constexpr std::int32_t kReturn = -1;
        std::int32_t slot = kReturn;  // the parameter's local slot, or kReturn
        std::string type;             // "object", "int", "uint", "bool", "ptr", "ptr8", ...
    };
    std::vector<Annotation> annotations;
    // The simple names of the enclosing scopes below the module and this one, joined by '.'
    // ("C.f", "f.<lambda>"): -march=debug names functions so.
    std::string qualified_name;
};

// Kind of collection a comprehension appends to (STORE_COMP).
enum class CompKind : std::uint8_t { List, Dict, Set };

class Emitter {
public:
    virtual ~Emitter();

    // ---- passes ---------------------------------------------------------------------------
    // `scope` identifies the scope in the ModuleBuilder (use codegen's Scope::index: 0 = module).
    // Registers simple_name then arg_names as qstrs, then records the stream.
    virtual void begin_code_pass(std::uint32_t scope, const ScopeSignature& signature) = 0;
    // Lays out the recorded code and hands it to the ModuleBuilder.  Throws DiagnosticError
    // (e.g. {"RuntimeError", "bytecode overflow"} if a jump does not fit 15 bits, as mpy-cross).
    virtual void end_code_pass() = 0;

    // True once a yield was emitted in this scope (in its scope pass or so far in its code
    // pass).  A lambda body needs it: a generator lambda returns None.
    virtual bool is_generator() const = 0;

    // ---- statement lists ----------------------------------------------------------------------
    // Codegen brackets every list of two or more statements (a suite, the module body) and the
    // other parse-node lists compile.c compiles item by item (a list display of two or more
    // items, the operands of `**`), and reports the line of each item as it finishes (0 when
    // MicroPython keeps the item as a leaf node).  The native emitter needs this to place a ViperTypeError the way
    // mpy-cross does: its compiler gives an emitter error the line of the list element that was
    // being compiled, and compiles nothing more of that list.  Bytecode ignores them.
    virtual void begin_statement_list() {}
    virtual void end_list_statement(int /*line*/) {}
    virtual void end_statement_list() {}

    // ---- bookkeeping ------------------------------------------------------------------------
    virtual Label new_label() = 0;
    virtual void label(Label l) = 0;  // assign `l` here; ends a dead-code region
    // Record that the following code comes from source line `line` (ignored unless greater than
    // the last recorded line; 0 is ignored).
    virtual void set_source_line(int line) = 0;
    // Explicit stack-depth corrections codegen knows about (finally blocks, except handlers,
    // if-expression arms, for-range else, comparison chains...).
    virtual void adjust_stack(int delta) = 0;
    // Current number of active exception-handler levels (for break/continue: UNWIND_JUMP depth).
    virtual unsigned except_depth() const = 0;

    // ---- constants --------------------------------------------------------------------------
    virtual void load_none() = 0;
    virtual void load_true() = 0;
    virtual void load_false() = 0;
    virtual void load_ellipsis() = 0;                       // LOAD_CONST_OBJ of the Ellipsis constant
    virtual void load_small_int(std::int64_t value) = 0;    // LOAD_CONST_SMALL_INT (multi form -16..47)
    virtual void load_const_str(std::string_view qstr) = 0; // LOAD_CONST_STRING (interned string)
    // LOAD_CONST_OBJ, deduplicated.  Pass the AST's own ConstValue (not a copy): its address is
    // the object's identity, which decides whether two NaNs are one constant (see
    // ModuleBuilder::use_constant).
    virtual void load_const_obj(const ast::ConstValue& value) = 0;
    // Dispatches a parser constant the way the reference compiler does: None/True/False/...
    // tokens, small ints, interned strings, else a constant object.
    void load_const(const ast::ConstValue& value);  // not virtual: the same dispatch for every emitter
    virtual void load_null() = 0;

    // ---- names --------------------------------------------------------------------------------
    // Locals: `slot` is the local (fast) or closure (deref) slot number.
    virtual void load_fast(std::uint32_t slot) = 0;   // LOAD_FAST 0..15 multi form, else LOAD_FAST_N
    virtual void load_deref(std::uint32_t slot) = 0;
    virtual void store_fast(std::uint32_t slot) = 0;
    virtual void store_deref(std::uint32_t slot) = 0;
    virtual void delete_fast(std::uint32_t slot) = 0;
    virtual void delete_deref(std::uint32_t slot) = 0;
    // Globals: *_NAME (module/class level, implicit) or *_GLOBAL (explicit / from a function).
    virtual void load_name(std::string_view qstr) = 0;
    virtual void load_global(std::string_view qstr) = 0;
    virtual void store_name(std::string_view qstr) = 0;
    virtual void store_global(std::string_view qstr) = 0;
    virtual void delete_name(std::string_view qstr) = 0;
    virtual void delete_global(std::string_view qstr) = 0;

    // ---- attributes, subscripts, methods -------------------------------------------------------
    virtual void load_attr(std::string_view qstr) = 0;    // obj -> value
    virtual void store_attr(std::string_view qstr) = 0;   // value obj -> (STORE_ATTR)
    virtual void delete_attr(std::string_view qstr) = 0;  // obj -> (LOAD_NULL, ROT_TWO, STORE_ATTR)
    virtual void load_subscr() = 0;                       // obj index -> value
    virtual void store_subscr() = 0;                      // value obj index ->
    virtual void delete_subscr() = 0;                     // obj index -> (LOAD_NULL, ROT_THREE, STORE_SUBSCR)
    // obj -> method self (LOAD_METHOD);  with is_super: the 3 values codegen pushed for super()
    // -> method self (LOAD_SUPER_METHOD, net -1).
    virtual void load_method(std::string_view qstr, bool is_super = false) = 0;
    virtual void load_build_class() = 0;

    // ---- stack ----------------------------------------------------------------------------------
    virtual void dup_top() = 0;
    virtual void dup_top_two() = 0;
    virtual void pop_top() = 0;
    virtual void rot_two() = 0;
    virtual void rot_three() = 0;

    // ---- jumps and blocks -----------------------------------------------------------------------
    virtual void jump(Label target) = 0;                     // starts dead code
    virtual void pop_jump_if(bool cond, Label target) = 0;   // POP_JUMP_IF_TRUE / _FALSE
    virtual void jump_if_or_pop(bool cond, Label target) = 0;  // JUMP_IF_TRUE_OR_POP / _FALSE_OR_POP
    // break/continue out of `depth` handler levels (depth = except_depth() at the jump minus at
    // the loop).  depth 0: a plain JUMP, preceded by 4 POP_TOPs when leaving a for loop
    // (`from_for`: its iterator occupies kIterBufSlots stack slots).  depth > 0: UNWIND_JUMP with
    // the extra byte depth | (from_for ? 0x80 : 0).  Starts dead code.
    virtual void unwind_jump(Label target, unsigned depth, bool from_for) = 0;
    // Enter one handler level (SETUP_WITH: ctx_mgr -> __exit__ ctx_mgr as_value, net +2).
    virtual void setup_with(Label handler) = 0;
    virtual void setup_except(Label handler) = 0;
    virtual void setup_finally(Label handler) = 0;
    // Leave one handler level: END_FINALLY (pops 1).
    virtual void end_finally() = 0;
    // LOAD_CONST_NONE, label(handler), WITH_CLEANUP (and the reference's -4 + 2 stack bookkeeping).
    virtual void with_cleanup(Label handler) = 0;
    // The async-with "finally" entry sequence (None, ROT_TWO, JUMP aexit_no_exc, label
    // finally_block, DUP_TOP, LOAD_GLOBAL BaseException, BINARY_OP exception-match,
    // POP_JUMP_IF_FALSE ret_unwind_jump).
    virtual void async_with_setup_finally(Label aexit_no_exc, Label finally_block, Label ret_unwind_jump) = 0;
    // `within_handler`: the jump ends an except handler's body (rather than jumping over the
    // handlers from the end of the try body).  Bytecode ignores it; native code restores the
    // outer handler's state differently.
    virtual void pop_except_jump(Label target, bool within_handler) = 0;   // starts dead code
    // Stack bookkeeping around except handlers (+4 on entry: the exception and room for an
    // unwind; -3 at the end).  Emit nothing.
    virtual void start_except_handler() = 0;
    virtual void end_except_handler() = 0;

    // ---- iteration ------------------------------------------------------------------------------
    // GET_ITER (0) or GET_ITER_STACK (+3: the iterator takes kIterBufSlots slots).
    virtual void get_iter(bool use_stack) = 0;
    virtual void for_iter(Label end) = 0;   // FOR_ITER: +1 (the next item)
    virtual void for_iter_end() = 0;        // after the loop's end label: -kIterBufSlots (no code)

    // ---- operators ------------------------------------------------------------------------------
    virtual void unary_op(UnaryOp op) = 0;
    // `invert` gives `not in` / `is not`: BINARY_OP In/Is followed by UNARY_OP Not.
    virtual void binary_op(BinaryOp op, bool invert = false) = 0;

    // ---- building -------------------------------------------------------------------------------
    virtual void build_tuple(std::uint32_t n) = 0;
    virtual void build_list(std::uint32_t n) = 0;
    virtual void build_map(std::uint32_t n) = 0;   // n is a size hint; pushes 1, pops nothing
    virtual void build_set(std::uint32_t n) = 0;
    virtual void build_slice(std::uint32_t n) = 0;  // 2 or 3
    virtual void store_map() = 0;                   // map value key -> map
    // Append TOS to the collection `stack_index` entries below it (dict: key and value).
    virtual void store_comp(CompKind kind, std::uint32_t stack_index) = 0;
    virtual void unpack_sequence(std::uint32_t n) = 0;
    virtual void unpack_ex(std::uint32_t n_left, std::uint32_t n_right) = 0;

    // ---- functions --------------------------------------------------------------------------------
    // `child` is the nested scope's id.  Defaults (if any) are on the stack: a positional tuple
    // (or None) and a keyword dict (or NULL) -- MAKE_FUNCTION_DEFARGS pops both.
    virtual void make_function(std::uint32_t child, std::uint32_t n_pos_defaults,
                               std::uint32_t n_kw_defaults) = 0;
    // The `n_closed_over` cells are on the stack (above the defaults if any).
    virtual void make_closure(std::uint32_t child, std::uint32_t n_closed_over,
                              std::uint32_t n_pos_defaults, std::uint32_t n_kw_defaults) = 0;
    // fn args... -> result.  n_keyword pairs (name, value).  `star`: there is a *args or
    // **kwargs; codegen has pushed the star-args bitmap/objects the reference pushes, and the
    // _VAR_KW form is used (it pops one more).
    virtual void call_function(std::uint32_t n_positional, std::uint32_t n_keyword, bool star) = 0;
    // method self args... -> result
    virtual void call_method(std::uint32_t n_positional, std::uint32_t n_keyword, bool star) = 0;
    virtual void return_value() = 0;                 // starts dead code
    // n_args 0: RAISE_LAST (re-raise), 1: RAISE_OBJ, 2: RAISE_FROM.  Starts dead code.
    virtual void raise(unsigned n_args) = 0;
    virtual void yield_value() = 0;                  // marks the scope a generator
    virtual void yield_from() = 0;                   // marks the scope a generator

    // ---- imports ----------------------------------------------------------------------------------
    virtual void import_name(std::string_view qstr) = 0;  // level fromlist -> module
    virtual void import_from(std::string_view qstr) = 0;  // module -> module value
    virtual void import_star() = 0;                       // module ->

};

}  // namespace mpy
