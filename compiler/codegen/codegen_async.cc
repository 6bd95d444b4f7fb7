// await, async for, async with: built from method calls and `yield from`, as MicroPython does.
#include "compiler/codegen/codegen.h"

namespace mpy {

// await x  ==  yield from x (after GET_ITER).  MicroPython's await node holds the operand's atom
// and trailers itself, so an unparenthesised trailer chain records no line of its own.
void CodeGenerator::await_expr(const ast::Await& a, int line) {
    if (cur_->kind != ScopeKind::Function && cur_->kind != ScopeKind::Lambda) {
        error("'await' outside function", line);
    }
    if (is_trailer_node(*a.value) && !a.value->parenthesised) {
        chain(*a.value);
    } else {
        expr(*a.value);
    }
    yield_from();
}

// obj.method() awaited: LOAD_METHOD, CALL_METHOD 0, then yield from the result.
void CodeGenerator::await_method(std::string_view method) {
    emit_->load_method(method, false);
    emit_->call_method(0, 0, false);
    yield_from();
}

// async for x in it: body [else: orelse]
// The async iterator stays on the stack; each step awaits __anext__() inside a try whose
// StopAsyncIteration handler leaves the loop for the else block.
void CodeGenerator::async_for(const ast::For& s, int line) {
    if (!(cur_->flags & kScopeGenerator)) error("async for/with outside async function", line);
    Label while_else = emit_->new_label();
    Label try_exception = emit_->new_label();
    Label try_else = emit_->new_label();
    Label try_finally = emit_->new_label();

    expr(*s.iter);
    emit_->load_method("__aiter__", false);
    emit_->call_method(0, 0, false);

    LoopContext saved = loop_;
    Label break_label = emit_->new_label();
    Label continue_label = emit_->new_label();
    loop_ = LoopContext{break_label, continue_label, false, except_level_};

    emit_->label(continue_label);
    emit_->setup_except(try_exception);
    increase_except_level();
    emit_->dup_top();
    await_method("__anext__");
    assign(*s.target, AssignKind::Store);
    emit_->pop_except_jump(try_else, false);

    emit_->label(try_exception);
    emit_->start_except_handler();
    emit_->dup_top();
    emit_->load_global("StopAsyncIteration");
    emit_->binary_op(BinaryOp::ExceptionMatch);
    emit_->pop_jump_if(false, try_finally);
    emit_->pop_top();
    emit_->pop_except_jump(while_else, true);

    emit_->label(try_finally);
    emit_->adjust_stack(1);  // the exception is on the stack when jumping here
    decrease_except_level();
    emit_->end_except_handler();

    emit_->label(try_else);
    suite(s.body);
    emit_->jump(continue_label);
    loop_ = saved;

    emit_->label(while_else);
    if (s.has_else) suite(s.orelse);
    emit_->label(break_label);
    emit_->pop_top();  // the async iterator
}

// async with a as x: body  ==  await a.__aenter__(); try: body finally: await __aexit__(...),
// with the three ways out of the body (fall through, exception, return/break) told apart at the
// finally block.  __aexit__ is looked up only when needed, to keep the stack shallow.
void CodeGenerator::async_with(const ast::With& s, std::size_t item) {
    if (item == s.items.size()) {
        suite(s.body);
        return;
    }
    const ast::WithItem& w = s.items[item];
    Label l_finally = emit_->new_label();
    Label l_aexit_no_exc = emit_->new_label();
    Label l_ret_unwind_jump = emit_->new_label();
    Label l_end = emit_->new_label();

    expr(*w.context);
    emit_->dup_top();
    await_method("__aenter__");
    if (w.target) {
        assign(*w.target, AssignKind::Store);
    } else {
        emit_->pop_top();
    }

    emit_->setup_finally(l_finally);
    increase_except_level();
    emit_->adjust_stack(3);  // room for an UNWIND_JUMP's state
    async_with(s, item + 1);
    emit_->adjust_stack(-3);

    // 1. body finished normally: (ctx_mgr) -> jumps to l_aexit_no_exc
    emit_->async_with_setup_finally(l_aexit_no_exc, l_finally, l_ret_unwind_jump);

    // 2. an exception: (ctx_mgr, exc) -> await __aexit__(type(exc), exc, None); swallow if true.
    emit_->dup_top();
    emit_->rot_three();
    emit_->rot_two();
    emit_->load_method("__aexit__", false);
    emit_->rot_three();
    emit_->rot_three();
    emit_->dup_top();
    emit_->load_attr("__class__");  // type(exc)
    emit_->rot_two();
    emit_->load_none();  // traceback
    emit_->call_method(3, 0, false);
    yield_from();
    emit_->pop_jump_if(false, l_end);
    emit_->pop_top();
    emit_->load_none();
    emit_->jump(l_end);
    emit_->adjust_stack(2);

    // 3. return / unwind jump: (ctx_mgr, X, INT) -> await __aexit__(None, None, None)
    emit_->label(l_ret_unwind_jump);
    emit_->rot_three();
    emit_->rot_three();
    emit_->label(l_aexit_no_exc);
    emit_->load_method("__aexit__", false);
    emit_->load_none();
    emit_->dup_top();
    emit_->dup_top();
    emit_->call_method(3, 0, false);
    yield_from();
    emit_->pop_top();
    emit_->adjust_stack(-1);

    emit_->label(l_end);
    decrease_except_level();
}

}  // namespace mpy
