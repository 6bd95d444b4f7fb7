// try/except/else/finally and with: exception-handler blocks.
#include "compiler/codegen/codegen.h"

namespace mpy {

void CodeGenerator::try_stmt(const ast::Try& s) {
    if (s.has_finally) {
        try_finally(s);
    } else {
        try_except(s);
    }
}

// try: body / except ...: handlers / else: orelse.  An `except E as e:` body is wrapped in a
// try/finally that clears and deletes `e` however the handler ends.
void CodeGenerator::try_except(const ast::Try& s) {
    Label l_handlers = emit_->new_label();
    Label l_success = emit_->new_label();
    emit_->setup_except(l_handlers);
    increase_except_level();
    suite(s.body);
    emit_->pop_except_jump(l_success, false);

    emit_->label(l_handlers);
    emit_->start_except_handler();
    Label l_done = emit_->new_label();
    for (std::size_t i = 0; i < s.handlers.size(); ++i) {
        const ast::ExceptHandler& h = s.handlers[i];
        Label l_next = emit_->new_label();
        if (!h.type) {
            if (i + 1 != s.handlers.size()) error("default 'except' must be last", h.line);
        } else {
            emit_->dup_top();
            expr(*h.type);
            emit_->binary_op(BinaryOp::ExceptionMatch);
            emit_->pop_jump_if(false, l_next);
        }
        if (h.name.empty()) {
            emit_->pop_top();
        } else {
            store_id(h.name);
        }
        Label l_cleanup = 0;
        if (!h.name.empty()) {
            l_cleanup = emit_->new_label();
            emit_->setup_finally(l_cleanup);
            increase_except_level();
        }
        suite(h.body);
        if (!h.name.empty()) {
            emit_->load_none();
            emit_->label(l_cleanup);
            emit_->adjust_stack(1);  // a return value may sit here
            emit_->load_none();
            store_id(h.name);
            delete_id(h.name);
            emit_->adjust_stack(-1);
            decrease_except_level();
        }
        emit_->pop_except_jump(l_done, true);
        emit_->label(l_next);
        emit_->adjust_stack(1);  // the exception instance is still there
    }
    decrease_except_level();
    emit_->end_except_handler();

    emit_->label(l_success);
    if (s.has_else) suite(s.orelse);
    emit_->label(l_done);
}

void CodeGenerator::try_finally(const ast::Try& s) {
    Label l_finally = emit_->new_label();
    emit_->setup_finally(l_finally);
    increase_except_level();
    if (s.handlers.empty()) {
        emit_->adjust_stack(3);  // room for an UNWIND_JUMP's state
        suite(s.body);
        emit_->adjust_stack(-3);
    } else {
        try_except(s);
    }
    // Falling out of the try body: None on the stack says "no exception".
    emit_->load_none();
    emit_->label(l_finally);
    emit_->adjust_stack(1);  // a return value may sit under the finally block
    suite(s.finalbody);
    emit_->adjust_stack(-1);
    decrease_except_level();
}

// with a as x, b: body  ==  nested with statements, one handler level each.
void CodeGenerator::with_stmt(const ast::With& s, std::size_t item) {
    if (item == s.items.size()) {
        suite(s.body);
        return;
    }
    const ast::WithItem& w = s.items[item];
    Label l_end = emit_->new_label();
    expr(*w.context);
    emit_->setup_with(l_end);
    increase_except_level();
    if (w.target) {
        assign(*w.target, AssignKind::Store);
    } else {
        emit_->pop_top();
    }
    with_stmt(s, item + 1);
    emit_->with_cleanup(l_end);
    decrease_except_level();
}

}  // namespace mpy
