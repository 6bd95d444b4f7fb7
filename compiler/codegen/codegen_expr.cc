// Expressions: operators, conditions, trailer chains (attributes, calls, subscripts), displays.
#include "compiler/codegen/codegen.h"

#include <algorithm>
#include <array>

#include "common/diagnostics.h"

namespace mpy {

namespace {

BinaryOp plain_op(ast::BinaryOp op) {
    switch (op) {
        case ast::BinaryOp::BitOr: return BinaryOp::Or;
        case ast::BinaryOp::BitXor: return BinaryOp::Xor;
        case ast::BinaryOp::BitAnd: return BinaryOp::And;
        case ast::BinaryOp::LShift: return BinaryOp::LShift;
        case ast::BinaryOp::RShift: return BinaryOp::RShift;
        case ast::BinaryOp::Add: return BinaryOp::Add;
        case ast::BinaryOp::Sub: return BinaryOp::Subtract;
        case ast::BinaryOp::Mult: return BinaryOp::Multiply;
        case ast::BinaryOp::MatMult: return BinaryOp::MatMultiply;
        case ast::BinaryOp::Div: return BinaryOp::TrueDivide;
        case ast::BinaryOp::Mod: return BinaryOp::Modulo;
        case ast::BinaryOp::FloorDiv: return BinaryOp::FloorDivide;
        case ast::BinaryOp::Pow: return BinaryOp::Power;
    }
    return BinaryOp::Add;
}

UnaryOp unary(ast::UnaryOpKind op) {
    switch (op) {
        case ast::UnaryOpKind::Plus: return UnaryOp::Positive;
        case ast::UnaryOpKind::Minus: return UnaryOp::Negative;
        case ast::UnaryOpKind::Invert: return UnaryOp::Invert;
        case ast::UnaryOpKind::Not: return UnaryOp::Not;
    }
    return UnaryOp::Not;
}

}  // namespace

TrailerChain flatten_trailers(const ast::Expr& e) {
    TrailerChain chain;
    const ast::Expr* cur = &e;
    while (true) {
        const ast::Expr* inner = nullptr;
        if (auto* a = cur->as<ast::Attribute>()) {
            chain.trailers.push_back({Trailer::Kind::Attr, cur});
            inner = a->value.get();
        } else if (auto* c = cur->as<ast::Call>()) {
            chain.trailers.push_back({Trailer::Kind::Call, cur});
            inner = c->func.get();
        } else if (auto* s = cur->as<ast::Subscript>()) {
            chain.trailers.push_back({Trailer::Kind::Subscr, cur});
            inner = s->value.get();
        }
        // A parenthesised inner chain is an atom of its own: `(a.b)(c)` is no method call.
        if (is_trailer_node(*inner) && !inner->parenthesised) {
            cur = inner;
            continue;
        }
        chain.base = inner;
        break;
    }
    std::reverse(chain.trailers.begin(), chain.trailers.end());
    return chain;
}

void CodeGenerator::expr(const ast::Expr& e) {
    // Each level of a left-associative chain (a+a+..., x[0][0]..., f()()...) is one level of
    // recursion here, and the parser's bracket-nesting limit does not bound chains.  mpy-cross
    // runs out of heap on such chains (at about 65,000 terms of `+`); stop at a depth whose stack
    // need is safe on every build, with the same kind of error.
    if (expr_depth_ >= kMaxExprDepth) {
        throw DiagnosticError(Diagnostic{"MemoryError", "memory allocation failed (expression too deep)",
                                         {options_.source_name, 0, 0}, {}});
    }
    ++expr_depth_;
    struct Leave {
        int& depth;
        ~Leave() { --depth; }
    } leave{expr_depth_};
    emit_->set_source_line(e.line);
    expr_body(e);
}

void CodeGenerator::expr_body(const ast::Expr& e) {
    if (auto* x = e.as<ast::Name>()) {
        load_id(x->id);
    } else if (auto* x = e.as<ast::Constant>()) {
        // A const() substitution is an object even when the same literal would be a leaf.
        if (x->is_object) {
            emit_->load_const_obj(x->value);
        } else {
            emit_->load_const(x->value);
        }
    } else if (auto* x = e.as<ast::BinOp>()) {
        if (x->op == ast::BinaryOp::Pow) {
            node_list(std::array<const ast::Expr*, 2>{x->left.get(), x->right.get()},
                      [&](const ast::Expr& operand) { expr(operand); });
        } else {
            expr(*x->left);
            expr(*x->right);
        }
        emit_->binary_op(plain_op(x->op));
    } else if (auto* x = e.as<ast::UnaryOp>()) {
        expr(*x->operand);
        emit_->unary_op(unary(x->op));
    } else if (auto* x = e.as<ast::BoolOp>()) {
        bool_op(*x);
    } else if (auto* x = e.as<ast::Compare>()) {
        compare(*x);
    } else if (auto* x = e.as<ast::IfExp>()) {
        if_exp(*x);
    } else if (auto* x = e.as<ast::Lambda>()) {
        lambda(e, *x);
    } else if (auto* x = e.as<ast::NamedExpr>()) {
        named_expr(*x->target, *x->value);
    } else if (e.is<ast::Starred>()) {
        error("*x must be assignment target", e.line);
    } else if (auto* x = e.as<ast::Await>()) {
        await_expr(*x, e.line);
    } else if (auto* x = e.as<ast::Yield>()) {
        yield_expr(*x, e.line);
    } else if (is_trailer_node(e)) {
        chain(e);
    } else if (auto* x = e.as<ast::Slice>()) {
        slice(*x);
    } else if (auto* x = e.as<ast::Tuple>()) {
        tuple(*x);
    } else if (auto* x = e.as<ast::List>()) {
        list(*x);
    } else if (auto* x = e.as<ast::DictOrSet>()) {
        dict_or_set(*x);
    } else if (auto* x = e.as<ast::Comprehension>()) {
        comprehension(*x);
    }
}

// Jumps to `target` when `e` is true (jump_if) or false, short-circuiting and/or/not without
// materialising booleans; constant conditions compile to an unconditional jump or nothing.
void CodeGenerator::cond_jump(const ast::Expr& e, bool jump_if, Label target) {
    if (std::optional<bool> truth = const_truth(e)) {
        if (*truth == jump_if) emit_->jump(target);
        return;
    }
    if (auto* b = e.as<ast::BoolOp>()) {
        // `a or b` jumping if true, `a and b` jumping if false: any operand decides.
        // Otherwise all but the last operand skip over the final test when they decide.
        if (b->is_or == jump_if) {
            for (const ast::ExprPtr& v : b->values) cond_jump(*v, jump_if, target);
        } else {
            Label skip = emit_->new_label();
            for (std::size_t i = 0; i + 1 < b->values.size(); ++i) cond_jump(*b->values[i], !jump_if, skip);
            cond_jump(*b->values.back(), jump_if, target);
            emit_->label(skip);
        }
        return;
    }
    if (auto* u = e.as<ast::UnaryOp>(); u != nullptr && u->op == ast::UnaryOpKind::Not) {
        cond_jump(*u->operand, !jump_if, target);
        return;
    }
    expr(e);
    emit_->pop_jump_if(jump_if, target);
}

void CodeGenerator::bool_op(const ast::BoolOp& b) {
    Label l_end = emit_->new_label();
    for (std::size_t i = 0; i < b.values.size(); ++i) {
        expr(*b.values[i]);
        if (i + 1 < b.values.size()) emit_->jump_if_or_pop(b.is_or, l_end);
    }
    emit_->label(l_end);
}

// a < b < c: each middle operand is kept (DUP_TOP ROT_THREE) for the next comparison; a failing
// link jumps to a cleanup that drops it.
void CodeGenerator::compare(const ast::Compare& c) {
    expr(*c.left);
    const std::size_t n = c.ops.size();
    const bool multi = n > 1;
    Label l_fail = multi ? emit_->new_label() : 0;
    for (std::size_t i = 0; i < n; ++i) {
        expr(*c.comparators[i]);
        if (i + 1 < n) {
            emit_->dup_top();
            emit_->rot_three();
        }
        switch (c.ops[i]) {
            case ast::CmpOp::Lt: emit_->binary_op(BinaryOp::Less); break;
            case ast::CmpOp::Gt: emit_->binary_op(BinaryOp::More); break;
            case ast::CmpOp::Eq: emit_->binary_op(BinaryOp::Equal); break;
            case ast::CmpOp::LtE: emit_->binary_op(BinaryOp::LessEqual); break;
            case ast::CmpOp::GtE: emit_->binary_op(BinaryOp::MoreEqual); break;
            case ast::CmpOp::NotEq: emit_->binary_op(BinaryOp::NotEqual); break;
            case ast::CmpOp::In: emit_->binary_op(BinaryOp::In); break;
            case ast::CmpOp::NotIn: emit_->binary_op(BinaryOp::In, true); break;
            case ast::CmpOp::Is: emit_->binary_op(BinaryOp::Is); break;
            case ast::CmpOp::IsNot: emit_->binary_op(BinaryOp::Is, true); break;
        }
        if (i + 1 < n) emit_->jump_if_or_pop(false, l_fail);
    }
    if (multi) {
        Label l_end = emit_->new_label();
        emit_->jump(l_end);
        emit_->label(l_fail);
        emit_->adjust_stack(1);
        emit_->rot_two();
        emit_->pop_top();
        emit_->label(l_end);
    }
}

void CodeGenerator::if_exp(const ast::IfExp& e) {
    Label l_fail = emit_->new_label();
    Label l_end = emit_->new_label();
    cond_jump(*e.test, false, l_fail);
    expr(*e.body);
    emit_->jump(l_end);
    emit_->label(l_fail);
    emit_->adjust_stack(-1);  // only one arm's value is on the stack
    expr(*e.orelse);
    emit_->label(l_end);
}

// target := value.  Inside a comprehension the target belongs to the enclosing scope (PEP 572),
// honouring its global/nonlocal declarations.
void CodeGenerator::named_expr(const ast::Expr& target, const ast::Expr& value) {
    auto* name = target.as<ast::Name>();
    if (name == nullptr) error("can't assign to expression", target.line);
    expr(value);
    emit_->dup_top();
    if (pass_ == Pass::Scope && is_comprehension(cur_->kind)) {
        Scope& parent = *cur_->parent;
        NameInfo& in_parent = parent.note_store(name->id);
        if (in_parent.kind == NameKind::GlobalExplicit) {
            cur_->find_or_add(name->id, NameKind::GlobalExplicit);
        } else {
            NameInfo& info = cur_->find_or_add(name->id, NameKind::Undecided);
            const bool is_global = parent.parent == nullptr;  // comprehension at module level
            if (!is_global && info.kind == NameKind::GlobalImplicit) info.kind = NameKind::Undecided;
            if (is_global) {
                declare_global(info, target.line);
            } else {
                declare_nonlocal(info, target.line);
            }
        }
    }
    store_id(name->id);
}

// ---- trailer chains --------------------------------------------------------------------------

// a.b(c)[d]...: the base, then each trailer; `x.f(...)` pairs become LOAD_METHOD / CALL_METHOD,
// and `super()` inside a function becomes the two-argument form (LOAD_SUPER_METHOD for
// `super().f(...)`).
void CodeGenerator::chain(const ast::Expr& e) {
    TrailerChain c = flatten_trailers(e);
    const std::vector<Trailer>& t = c.trailers;
    expr(*c.base);
    std::size_t i = 0;
    auto* base_name = c.base->as<ast::Name>();
    if (cur_->kind == ScopeKind::Function && base_name != nullptr && base_name->id == "super" &&
        t[0].kind == Trailer::Kind::Call && t[0].node->as<ast::Call>()->args.empty()) {
        load_id("__class__");
        const NameInfo* self = nullptr;
        for (const NameInfo& info : cur_->names) {
            if (info.is_param) {
                self = &info;
                break;
            }
        }
        if (self == nullptr) error("super() can't find self", t[0].node->as<ast::Call>()->paren_line);
        load_id(self->name);
        if (t.size() >= 3 && t[1].kind == Trailer::Kind::Attr && t[2].kind == Trailer::Kind::Call) {
            emit_->load_method(t[1].node->as<ast::Attribute>()->attr, true);
            call_args(t[2].node->as<ast::Call>()->args, true, 0);
            i = 3;
        } else {
            emit_->call_function(2, 0, false);
            i = 1;
        }
    }
    for (; i < t.size(); ++i) {
        if (i + 1 < t.size() && t[i].kind == Trailer::Kind::Attr && t[i + 1].kind == Trailer::Kind::Call) {
            emit_->load_method(t[i].node->as<ast::Attribute>()->attr, false);
            call_args(t[i + 1].node->as<ast::Call>()->args, true, 0);
            ++i;
        } else {
            trailer(t[i]);
        }
    }
}

void CodeGenerator::trailer(const Trailer& t) {
    switch (t.kind) {
        case Trailer::Kind::Attr: {
            auto* a = t.node->as<ast::Attribute>();
            emit_->set_source_line(a->dot_line);
            emit_->load_attr(a->attr);
            break;
        }
        case Trailer::Kind::Call: {
            auto* c = t.node->as<ast::Call>();
            emit_->set_source_line(c->paren_line);
            call_args(c->args, false, 0);
            break;
        }
        case Trailer::Kind::Subscr: {
            auto* s = t.node->as<ast::Subscript>();
            emit_->set_source_line(s->bracket_line);
            subscript_index(*s->index);
            emit_->load_subscr();
            break;
        }
    }
}

// The arguments of a call (function on the stack, plus `n_positional_extra` values already
// pushed), then CALL_FUNCTION/CALL_METHOD.  *args are pushed in place with a bitmap of their
// positions; **kwargs as a (NULL, mapping) pair.
void CodeGenerator::call_args(const std::vector<ast::Argument>& args, bool is_method, int n_positional_extra) {
    int n_positional = n_positional_extra;
    int n_keyword = 0;
    bool have_star = false;
    bool have_dbl_star = false;
    std::uint64_t star_args = 0;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const ast::Argument& a = args[i];
        switch (a.kind) {
            case ast::Argument::Kind::Star:
                if (have_dbl_star) error("* arg after **", a.line);
                if (i >= static_cast<std::size_t>(options_.small_int_bits - 1)) error("too many args", a.line);
                have_star = true;
                star_args |= std::uint64_t{1} << i;
                expr(*a.value);
                ++n_positional;
                break;
            case ast::Argument::Kind::DoubleStar:
                have_dbl_star = true;
                emit_->load_null();  // a ** mapping is a keyword argument with a NULL key
                expr(*a.value);
                ++n_keyword;
                break;
            case ast::Argument::Kind::Keyword: {
                auto* kw = a.keyword->as<ast::Name>();
                if (kw == nullptr) error("LHS of keyword arg must be an id", a.line);
                emit_->load_const_str(kw->id);
                expr(*a.value);
                ++n_keyword;
                break;
            }
            case ast::Argument::Kind::Positional: {
                const ast::Expr& v = *a.value;
                if (auto* ne = v.as<ast::NamedExpr>(); ne != nullptr && !v.parenthesised) {
                    // f(x := 1): MicroPython's argument node is compiled without a line of its own.
                    named_expr(*ne->target, *ne->value);
                    ++n_positional;
                    break;
                }
                if (have_dbl_star) error("positional arg after **", v.line);
                if (n_keyword > 0) error("positional arg after keyword arg", v.line);
                expr(v);
                ++n_positional;
                break;
            }
        }
    }
    const bool star = have_star || have_dbl_star;
    if (star) emit_->load_small_int(static_cast<std::int64_t>(star_args));
    if (is_method) {
        emit_->call_method(static_cast<std::uint32_t>(n_positional), static_cast<std::uint32_t>(n_keyword), star);
    } else {
        emit_->call_function(static_cast<std::uint32_t>(n_positional), static_cast<std::uint32_t>(n_keyword), star);
    }
}

void CodeGenerator::subscript_index(const ast::Expr& index) { expr(index); }

// a[lower:upper:step] with any part missing; MicroPython builds a 2-item slice unless a step
// is given, filling missing bounds with None.
void CodeGenerator::slice(const ast::Slice& s) {
    if (s.lower) {
        expr(*s.lower);
    } else {
        emit_->load_none();
    }
    if (!s.upper) {
        emit_->load_none();
        if (s.has_second_colon && s.step) {
            expr(*s.step);
            emit_->build_slice(3);
        } else {
            emit_->build_slice(2);
        }
        return;
    }
    expr(*s.upper);
    if (s.has_second_colon && s.step) {
        expr(*s.step);
        emit_->build_slice(3);
    } else {
        emit_->build_slice(2);
    }
}

// ---- displays ----------------------------------------------------------------------------------

void CodeGenerator::tuple(const ast::Tuple& t) {
    for (const ast::ExprPtr& e : t.elts) expr(*e);
    emit_->build_tuple(static_cast<std::uint32_t>(t.elts.size()));
}

void CodeGenerator::list(const ast::List& l) {
    if (l.elts.size() >= 2) {
        node_list(l.elts, [&](const ast::Expr& item) { expr(item); });
    } else {
        for (const ast::ExprPtr& e : l.elts) expr(*e);
    }
    emit_->build_list(static_cast<std::uint32_t>(l.elts.size()));
}

// {}: a dict, {k: v, ...}: a dict, {a, ...}: a set; the first item decides.
void CodeGenerator::dict_or_set(const ast::DictOrSet& d) {
    const auto& items = d.items;
    if (items.empty()) {
        emit_->build_map(0);
        return;
    }
    const bool is_dict = items[0].value != nullptr;
    if (is_dict) emit_->build_map(static_cast<std::uint32_t>(items.size()));
    for (std::size_t i = 0; i < items.size(); ++i) {
        const ast::BraceItem& item = items[i];
        const bool is_key_value = item.value != nullptr;
        if (is_key_value) {
            // A key: value item is a node of its own: value first, then key.
            emit_->set_source_line(item.line);
            expr(*item.value);
            expr(*item.key);
        } else {
            expr(*item.key);
        }
        if (i > 0 && is_dict && !is_key_value) error("expecting key:value for dict", d.items_line);
        if (i > 0 && !is_dict && is_key_value) error("expecting just a value for set", d.items_line);
        if (is_dict) emit_->store_map();
    }
    if (!is_dict) emit_->build_set(static_cast<std::uint32_t>(items.size()));
}

// ---- yield / lambda --------------------------------------------------------------------------

void CodeGenerator::yield_expr(const ast::Yield& y, int line) {
    if (cur_->kind != ScopeKind::Function && cur_->kind != ScopeKind::Lambda) {
        error("'yield' outside function", line);
    }
    cur_->flags |= kScopeGenerator;
    if (!y.value) {
        emit_->load_none();
        emit_->yield_value();
    } else if (y.is_from) {
        expr(*y.value);
        yield_from();
    } else {
        expr(*y.value);
        emit_->yield_value();
    }
}

void CodeGenerator::yield_from() {
    cur_->flags |= kScopeGenerator;
    emit_->get_iter(false);
    emit_->load_none();
    emit_->yield_from();
}

void CodeGenerator::lambda(const ast::Expr& e, const ast::Lambda& l) {
    Scope& ls = scope_for(&l, ScopeKind::Lambda, default_scope_name(ScopeKind::Lambda), cur_->emit_mode);
    if (pass_ == Pass::Scope) ls.line = e.line;
    function_defaults(ls, l.params);
}

}  // namespace mpy
