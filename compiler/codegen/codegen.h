// The code generator: walks the AST of every scope and drives the bytecode emitter, reproducing
// the instruction choices of MicroPython 1.27's compiler (py/compile.c) exactly.
//
// Structure.  One walker class, split by topic over several files:
//   codegen.cc          passes, names and their opcodes, errors
//   codegen_func.cc     def/class statements, decorators, defaults, closures, parameters
//   codegen_stmt.cc     blocks, simple statements, if/while/for (incl. the range() loop)
//   codegen_try.cc      try/except/finally, with
//   codegen_import.cc   import, from-import, global/nonlocal
//   codegen_assign.cc   assignment targets, augmented assignment, del
//   codegen_expr.cc     expressions, calls, trailer chains, displays, lambda, yield
//   codegen_comp.cc     comprehensions and scope bodies (module, function, lambda, class)
//   codegen_async.cc    async for / async with / await
//
// Two walks per scope (see compiler/bytecode/emitter.h for why):
//   * the SCOPE pass builds the scope's name table in compile order.  Identifier ops are not
//     sent to the emitter (their opcode depends on analysis not done yet) but every other
//     instruction is, so qstrs and constants get their reference numbering.  Nested scopes are
//     created here, in the order the walk meets them.
//   * the CODE pass, after every scope's scope pass and slot assignment, emits everything.
// The same walking code serves both passes; `pass_` says which one runs, and only a few places
// differ (names, scope creation, parameters, global/nonlocal) — exactly where compile.c tests
// for MP_PASS_SCOPE.
//
// Errors are thrown as CompileError; the line of an error raised at a node MicroPython keeps as
// a leaf is filled in while unwinding by the enclosing statement (like compile.c's
// compile_error_set_line), and finally by the scope's own line.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compiler/frontend/ast.h"
#include "compiler/bytecode/bytecode_emitter.h"
#include "compiler/bytecode/compile_error.h"
#include "compiler/codegen/compile_options.h"
#include "compiler/bytecode/emitter.h"
#include "compiler/scope/scope.h"

namespace mpy {

// One link of a trailer chain such as a.b(c)[d]: the node and what it applies to the value.
struct Trailer {
    enum class Kind { Attr, Call, Subscr };
    Kind kind;
    const ast::Expr* node;  // the Attribute / Call / Subscript expression
};

// a.b(c)[d] as MicroPython's parser keeps it: the base atom `a` and the trailers in order.
struct TrailerChain {
    const ast::Expr* base = nullptr;
    std::vector<Trailer> trailers;
};
// Flattens `e` (an Attribute, Call or Subscript) into its chain; a parenthesised inner chain is
// an atom of its own, as in MicroPython.
TrailerChain flatten_trailers(const ast::Expr& e);
// An attribute, call or subscript: a link of a trailer chain (MicroPython's atom_expr_normal).
inline bool is_trailer_node(const ast::Expr& e) {
    return e.is<ast::Attribute>() || e.is<ast::Call>() || e.is<ast::Subscript>();
}

// The truth value of a condition known at compile time: any constant, and the empty tuple `()`
// (MicroPython drops `if 0:` bodies, `while 1:` tests, ... on these).
inline std::optional<bool> const_truth(const ast::Expr& e) {
    if (auto* c = e.as<ast::Constant>()) return c->value.is_true();
    if (auto* t = e.as<ast::Tuple>(); t != nullptr && t->parenthesised && t->elts.empty()) return false;
    return std::nullopt;
}

class CodeGenerator {
public:
    // Every scope's scope pass runs on `bytecode`, and so does the code pass of bytecode scopes.
    // `native` (null when -march names no architecture we generate code for) takes the code pass
    // of @micropython.native / viper scopes.
    CodeGenerator(const ast::Module& module, const CompileOptions& options, BytecodeEmitter& bytecode,
                  Emitter* native = nullptr);

    // Runs the scope pass over every scope, assigns slots, then the code pass over every scope.
    // Throws DiagnosticError on the first compile error.
    void run();

    const ScopeTree& scopes() const { return scopes_; }

private:
    enum class Pass { Scope, Code };
    enum class AssignKind { Store, AugLoad, AugStore };
    static constexpr Label kNoLabel = 0xffffffffu;

    // ---- codegen.cc: passes, names, errors ----
    void compile_scope(Scope& scope, Pass pass);
    ScopeSignature signature_of(const Scope& scope) const;
    void viper_annotations(const Scope& scope, ScopeSignature& sig) const;
    void check_viper_annotations(const ast::FunctionDef& def);
    // Throws the recorded error, if any, giving it `line` if it has none.
    void raise_pending_error(int line);
    Emitter& emitter_for_code_pass(const Scope& scope);
    // An inline-assembler scope (codegen_asm.cc): the scope pass's checks, or its machine code.
    void inline_asm_scope(Scope& scope, Pass pass);
    void load_id(std::string_view name);
    void store_id(std::string_view name);
    void delete_id(std::string_view name);
    void emit_name_op(std::string_view name, int op);  // 0 load, 1 store, 2 delete
    template <class Items, class Compile> void node_list(const Items& items, Compile&& compile);
    [[noreturn]] void error(std::string message, int line);
    void increase_except_level();  // after the caller's setup_*
    void decrease_except_level();  // emits END_FINALLY

    // ---- codegen_func.cc ----
    Scope& scope_for(const void* node, ScopeKind kind, std::string_view name, EmitMode mode);
    void close_over_and_make(Scope& child, int n_pos_defaults, int n_kw_defaults);
    void function_defaults(Scope& child, const std::vector<ast::Param>& params);
    void declare_params(const std::vector<ast::Param>& params);
    void function_def(const ast::FunctionDef& f);
    void class_def(const ast::ClassDef& c);
    bool builtin_decorator(const ast::Decorator& d, EmitMode& mode);
    void decorators(const std::vector<ast::Decorator>& list, EmitMode& mode, std::size_t& n_builtin);

    // ---- codegen_stmt.cc ----
    void suite(const ast::Suite& s);
    void stmt(const ast::Stmt& s);
    void stmt_body(const ast::Stmt& s);
    void if_stmt(const ast::If& s);
    void while_stmt(const ast::While& s);
    void for_stmt(const ast::For& s);
    bool for_range(const ast::For& s);
    void break_continue(bool is_break, int line);
    void return_stmt(const ast::Return& s, int line);
    void raise_stmt(const ast::Raise& s);
    void assert_stmt(const ast::Assert& s);

    // ---- codegen_import.cc ----
    void import_stmt(const ast::Import& s);
    void import_from(const ast::ImportFrom& s, int line);
    void import_module_name(const std::vector<std::string>& dotted, const std::string& asname,
                            std::string& bound_name);
    void global_nonlocal(const std::vector<std::string>& names, bool is_global, int line);
    void declare_global(NameInfo& info, int line);
    void declare_nonlocal(NameInfo& info, int line);

    // ---- codegen_try.cc ----
    void try_stmt(const ast::Try& s);
    void try_except(const ast::Try& s);
    void try_finally(const ast::Try& s);
    void with_stmt(const ast::With& s, std::size_t item);

    // ---- codegen_assign.cc ----
    void assign_stmt(const ast::Assign& s);
    void plain_assign(const ast::Expr& target, const ast::Expr& value);
    void aug_assign(const ast::AugAssign& s);
    void ann_assign(const ast::AnnAssign& s);
    void assign(const ast::Expr& target, AssignKind kind);
    void assign_chain(const ast::Expr& target, AssignKind kind);
    void assign_tuple(const std::vector<ast::ExprPtr>& elts);
    void delete_target(const ast::Expr& target);

    // ---- codegen_expr.cc ----
    void expr(const ast::Expr& e);       // compile_node: records the node's line first
    void expr_body(const ast::Expr& e);  // the node without recording its line
    void cond_jump(const ast::Expr& e, bool jump_if, Label target);
    void chain(const ast::Expr& e);
    void trailer(const Trailer& t);
    void call_args(const std::vector<ast::Argument>& args, bool is_method, int n_positional_extra);
    void compare(const ast::Compare& c);
    void bool_op(const ast::BoolOp& b);
    void if_exp(const ast::IfExp& e);
    void named_expr(const ast::Expr& target, const ast::Expr& value);
    void subscript_index(const ast::Expr& index);
    void slice(const ast::Slice& s);
    void tuple(const ast::Tuple& t);
    void list(const ast::List& l);
    void dict_or_set(const ast::DictOrSet& d);
    void yield_expr(const ast::Yield& y, int line);
    void yield_from();
    void lambda(const ast::Expr& e, const ast::Lambda& l);

    // ---- codegen_comp.cc ----
    void comprehension(const ast::Comprehension& c);
    void comprehension_body(const ast::Comprehension& c);
    void comprehension_loop(const ast::Comprehension& c, std::size_t depth);
    void module_body();
    void function_body(Scope& scope);
    void lambda_body(Scope& scope);
    void class_body(Scope& scope);

    // ---- codegen_async.cc ----
    void await_expr(const ast::Await& a, int line);
    void await_method(std::string_view method);
    void async_for(const ast::For& s, int line);
    void async_with(const ast::With& s, std::size_t item);

    // ---- state ----
    const ast::Module& module_;
    CompileOptions options_;
    BytecodeEmitter& bytecode_;
    Emitter* native_;
    Emitter* emit_;  // the emitter of the current scope and pass
    ScopeTree scopes_;
    std::unordered_map<const void*, Scope*> scope_of_node_;
    Pass pass_ = Pass::Scope;
    Scope* cur_ = nullptr;

    // Loop context for break/continue (compile.c's START/END_BREAK_CONTINUE_BLOCK).
    struct LoopContext {
        Label break_label = kNoLabel;
        Label continue_label = kNoLabel;
        bool break_from_for = false;
        int except_level = 0;
    };
    LoopContext loop_;
    int except_level_ = 0;
    static constexpr int kMaxExprDepth = 100000;
    int expr_depth_ = 0;  // current recursion depth of expr()
    // An error mpy-cross records without stopping (viper annotations): it surfaces at the end of
    // the next element of a node list, or at the end of the scope.
    std::optional<CompileError> pending_error_;
};

// compile.c compiles the items of some parse-node lists one by one (compile_generic_all_nodes:
// a block of two or more statements, a list display of two or more items, the operands of
// `**`): an error without a line gets the line of the item being compiled, a recorded error
// surfaces after the item, and the native emitter is told where items end.  `items` holds
// pointers (or unique_ptrs) to nodes with a `line`; `compile(node)` compiles one.
template <class Items, class Compile>
void CodeGenerator::node_list(const Items& items, Compile&& compile) {
    emit_->begin_statement_list();
    for (const auto& item : items) {
        try {
            compile(*item);
        } catch (CompileError& e) {
            if (pending_error_) e = std::move(*pending_error_);  // a recorded error came first
            pending_error_.reset();
            if (e.line == 0) e.line = item->line;
            throw;
        }
        raise_pending_error(item->line);
        emit_->end_list_statement(item->line);
    }
    emit_->end_statement_list();
}

}  // namespace mpy
