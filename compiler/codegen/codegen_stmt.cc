// Statements: blocks, control flow, imports, global/nonlocal, def and class statements.
#include "compiler/codegen/codegen.h"

namespace mpy {

// A block.  When MicroPython holds two or more statements in a list node, that node records its
// line first, and an error at a leaf inside a statement gets that statement's line.
void CodeGenerator::suite(const ast::Suite& s) {
    emit_->set_source_line(s.line);
    if (s.stmts.size() >= 2) {
        node_list(s.stmts, [&](const ast::Stmt& st) { stmt(st); });
    } else {
        for (const ast::StmtPtr& st : s.stmts) stmt(*st);
    }
}

void CodeGenerator::stmt(const ast::Stmt& s) {
    emit_->set_source_line(s.group_line);
    emit_->set_source_line(s.line);
    stmt_body(s);
}

void CodeGenerator::stmt_body(const ast::Stmt& s) {
    const int line = s.line;
    if (auto* x = s.as<ast::ExprStmt>()) {
        // A lone constant (only possible if the parser left one) compiles to nothing.
        if (x->value->is<ast::Constant>()) return;
        expr(*x->value);
        emit_->pop_top();
    } else if (auto* x = s.as<ast::Assign>()) {
        assign_stmt(*x);
    } else if (auto* x = s.as<ast::AugAssign>()) {
        aug_assign(*x);
    } else if (auto* x = s.as<ast::AnnAssign>()) {
        ann_assign(*x);
    } else if (auto* x = s.as<ast::Delete>()) {
        delete_target(*x->target);
    } else if (s.is<ast::Pass>()) {
        // nothing: only its line was recorded
    } else if (s.is<ast::Break>()) {
        break_continue(true, line);
    } else if (s.is<ast::Continue>()) {
        break_continue(false, line);
    } else if (auto* x = s.as<ast::Return>()) {
        return_stmt(*x, line);
    } else if (auto* x = s.as<ast::Raise>()) {
        raise_stmt(*x);
    } else if (auto* x = s.as<ast::Global>()) {
        global_nonlocal(x->names, true, line);
    } else if (auto* x = s.as<ast::Nonlocal>()) {
        global_nonlocal(x->names, false, line);
    } else if (auto* x = s.as<ast::Assert>()) {
        assert_stmt(*x);
    } else if (auto* x = s.as<ast::Import>()) {
        import_stmt(*x);
    } else if (auto* x = s.as<ast::ImportFrom>()) {
        import_from(*x, line);
    } else if (auto* x = s.as<ast::If>()) {
        if_stmt(*x);
    } else if (auto* x = s.as<ast::While>()) {
        while_stmt(*x);
    } else if (auto* x = s.as<ast::For>()) {
        if (x->is_async) {
            async_for(*x, line);
        } else {
            for_stmt(*x);
        }
    } else if (auto* x = s.as<ast::Try>()) {
        try_stmt(*x);
    } else if (auto* x = s.as<ast::With>()) {
        if (x->is_async) {
            if (!(cur_->flags & kScopeGenerator)) error("async for/with outside async function", line);
            async_with(*x, 0);
        } else {
            with_stmt(*x, 0);
        }
    } else if (auto* x = s.as<ast::FunctionDef>()) {
        function_def(*x);
    } else if (auto* x = s.as<ast::ClassDef>()) {
        class_def(*x);
    }
}

// ---- control flow ----------------------------------------------------------------------------

namespace {

bool is_const_false(const ast::Expr& e) { return const_truth(e) == std::optional<bool>(false); }
bool is_const_true(const ast::Expr& e) { return const_truth(e) == std::optional<bool>(true); }

}  // namespace

void CodeGenerator::if_stmt(const ast::If& s) {
    Label l_end = emit_->new_label();
    if (!is_const_false(*s.test)) {
        Label l_fail = emit_->new_label();
        cond_jump(*s.test, false, l_fail);
        suite(s.body);
        if (is_const_true(*s.test)) {
            emit_->label(l_end);
            return;  // nothing after `if True:` can run
        }
        if (!s.elifs.empty() || s.has_else) emit_->jump(l_end);
        emit_->label(l_fail);
    }
    for (const ast::ElifClause& elif : s.elifs) {
        if (is_const_false(*elif.test)) continue;
        Label l_fail = emit_->new_label();
        cond_jump(*elif.test, false, l_fail);
        suite(elif.body);
        if (is_const_true(*elif.test)) {
            emit_->label(l_end);
            return;
        }
        emit_->jump(l_end);
        emit_->label(l_fail);
    }
    if (s.has_else) suite(s.orelse);
    emit_->label(l_end);
}

void CodeGenerator::while_stmt(const ast::While& s) {
    LoopContext saved = loop_;
    Label break_label = emit_->new_label();
    Label continue_label = emit_->new_label();
    loop_ = LoopContext{break_label, continue_label, false, except_level_};

    if (!is_const_false(*s.test)) {
        Label top = emit_->new_label();
        if (!is_const_true(*s.test)) emit_->jump(continue_label);
        emit_->label(top);
        suite(s.body);
        emit_->label(continue_label);
        cond_jump(*s.test, true, top);
    }
    loop_ = saved;  // break/continue in the else block belong to the enclosing loop
    if (s.has_else) suite(s.orelse);
    emit_->label(break_label);
}

void CodeGenerator::for_stmt(const ast::For& s) {
    if (for_range(s)) return;

    LoopContext saved = loop_;
    Label break_label = emit_->new_label();
    Label continue_label = emit_->new_label();
    loop_ = LoopContext{break_label, continue_label, true, except_level_};
    Label pop_label = emit_->new_label();

    expr(*s.iter);
    emit_->get_iter(true);
    emit_->label(continue_label);
    emit_->for_iter(pop_label);
    assign(*s.target, AssignKind::Store);
    suite(s.body);
    emit_->jump(continue_label);
    emit_->label(pop_label);
    emit_->for_iter_end();

    loop_ = saved;
    if (s.has_else) suite(s.orelse);
    emit_->label(break_label);
}

namespace {

bool is_small_int(const ast::Expr& e) {
    auto* c = e.as<ast::Constant>();
    return c != nullptr && c->value.kind == ast::ConstValue::Kind::Int && c->value.small_int;
}

// A range() argument MicroPython can compile as a plain expression (not *x, **x, k=v, x:=v, or a
// bare generator).
bool is_plain_argument(const ast::Argument& a) {
    if (a.kind != ast::Argument::Kind::Positional) return false;
    if (a.value->is<ast::NamedExpr>() && !a.value->parenthesised) return false;
    if (auto* c = a.value->as<ast::Comprehension>();
        c != nullptr && c->kind == ast::Comprehension::Kind::Generator && a.value->line == 0) {
        return false;
    }
    return true;
}

}  // namespace

// `for x in range(...)` with a name target and a constant non-zero step compiles to a counting
// loop with no iterator object:
//     [end] start JUMP entry; top: DUP_TOP, store x, body; continue: step INPLACE_ADD;
//     entry: DUP_TOP end (or DUP_TOP_TWO ROT_TWO) LESS/MORE POP_JUMP_IF_TRUE top; break: POP_TOP [POP_TOP]
bool CodeGenerator::for_range(const ast::For& s) {
    if (!s.target->is<ast::Name>()) return false;
    auto* call = s.iter->as<ast::Call>();
    if (call == nullptr) return false;
    auto* fn = call->func->as<ast::Name>();
    if (fn == nullptr || fn->id != "range") return false;
    const auto& args = call->args;
    if (args.empty() || args.size() > 3) return false;

    // Synthesised leaves for the implicit start 0 and step 1.
    static const ast::Expr kZero = [] {
        ast::Expr e;
        ast::ConstValue v;
        v.kind = ast::ConstValue::Kind::Int;
        v.int_decimal = "0";
        v.fits_int64 = true;
        v.small_int = true;
        e.node = ast::Constant{v};
        return e;
    }();
    static const ast::Expr kOne = [] {
        ast::Expr e;
        ast::ConstValue v;
        v.kind = ast::ConstValue::Kind::Int;
        v.int_decimal = "1";
        v.fits_int64 = true;
        v.int64 = 1;
        v.small_int = true;
        e.node = ast::Constant{v};
        return e;
    }();

    const ast::Expr* start = &kZero;
    const ast::Expr* end = nullptr;
    const ast::Expr* step = &kOne;
    if (args.size() == 1) {
        end = args[0].value.get();
    } else {
        start = args[0].value.get();
        end = args[1].value.get();
        if (args.size() == 3) {
            step = args[2].value.get();
            if (args[2].kind != ast::Argument::Kind::Positional || !is_small_int(*step) ||
                step->as<ast::Constant>()->value.int64 == 0) {
                return false;
            }
        }
    }
    if (!is_plain_argument(args[0])) return false;
    if (args.size() >= 2 && !is_plain_argument(args[1])) return false;

    LoopContext saved = loop_;
    Label break_label = emit_->new_label();
    Label continue_label = emit_->new_label();
    loop_ = LoopContext{break_label, continue_label, false, except_level_};
    Label top = emit_->new_label();
    Label entry = emit_->new_label();

    const bool end_on_stack = !is_small_int(*end);
    if (end_on_stack) expr(*end);
    expr(*start);
    emit_->jump(entry);
    emit_->label(top);
    emit_->dup_top();
    assign(*s.target, AssignKind::Store);
    suite(s.body);
    emit_->label(continue_label);
    expr(*step);
    emit_->binary_op(BinaryOp::InplaceAdd);
    emit_->label(entry);
    if (end_on_stack) {
        emit_->dup_top_two();
        emit_->rot_two();
    } else {
        emit_->dup_top();
        expr(*end);
    }
    emit_->binary_op(step->as<ast::Constant>()->value.int64 >= 0 ? BinaryOp::Less : BinaryOp::More);
    emit_->pop_jump_if(true, top);
    loop_ = saved;

    // The else block runs with the counter (and end) popped, since it may break/continue an
    // enclosing loop.
    Label end_label = 0;
    if (s.has_else) {
        emit_->pop_top();
        if (end_on_stack) emit_->pop_top();
        suite(s.orelse);
        end_label = emit_->new_label();
        emit_->jump(end_label);
        emit_->adjust_stack(1 + (end_on_stack ? 1 : 0));
    }
    emit_->label(break_label);
    emit_->pop_top();
    if (end_on_stack) emit_->pop_top();
    if (s.has_else) emit_->label(end_label);
    return true;
}

void CodeGenerator::break_continue(bool is_break, int line) {
    Label target = is_break ? loop_.break_label : loop_.continue_label;
    if (target == kNoLabel) error("'break'/'continue' outside loop", line);
    emit_->unwind_jump(target, static_cast<unsigned>(except_level_ - loop_.except_level),
                      is_break && loop_.break_from_for);
}

void CodeGenerator::return_stmt(const ast::Return& s, int line) {
    if (cur_->kind != ScopeKind::Function) error("'return' outside function", line);
    if (!s.value) {
        emit_->load_none();
    } else if (auto* ifexp = s.value->as<ast::IfExp>()) {
        // return a if c else b: two returns, no jump over the else value (as CPython).
        Label l_fail = emit_->new_label();
        cond_jump(*ifexp->test, false, l_fail);
        expr(*ifexp->body);
        emit_->return_value();
        emit_->label(l_fail);
        expr(*ifexp->orelse);
    } else {
        expr(*s.value);
    }
    emit_->return_value();
}

void CodeGenerator::raise_stmt(const ast::Raise& s) {
    if (!s.exc) {
        emit_->raise(0);
    } else if (s.cause) {
        expr(*s.exc);
        expr(*s.cause);
        emit_->raise(2);
    } else {
        expr(*s.exc);
        emit_->raise(1);
    }
}

void CodeGenerator::assert_stmt(const ast::Assert& s) {
    if (options_.opt_level != 0) return;  // -O removes assertions
    Label l_end = emit_->new_label();
    cond_jump(*s.test, true, l_end);
    emit_->load_global("AssertionError");  // always LOAD_GLOBAL, like CPython
    if (s.msg) {
        expr(*s.msg);
        emit_->call_function(1, 0, false);
    }
    emit_->raise(1);
    emit_->label(l_end);
}

}  // namespace mpy
