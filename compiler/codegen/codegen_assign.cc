// Assignment statements and targets (compile.c's c_assign family), and `del`.
#include "compiler/codegen/codegen.h"

namespace mpy {

namespace {

BinaryOp inplace_op(ast::BinaryOp op) {
    switch (op) {
        case ast::BinaryOp::BitOr: return BinaryOp::InplaceOr;
        case ast::BinaryOp::BitXor: return BinaryOp::InplaceXor;
        case ast::BinaryOp::BitAnd: return BinaryOp::InplaceAnd;
        case ast::BinaryOp::LShift: return BinaryOp::InplaceLShift;
        case ast::BinaryOp::RShift: return BinaryOp::InplaceRShift;
        case ast::BinaryOp::Add: return BinaryOp::InplaceAdd;
        case ast::BinaryOp::Sub: return BinaryOp::InplaceSubtract;
        case ast::BinaryOp::Mult: return BinaryOp::InplaceMultiply;
        case ast::BinaryOp::MatMult: return BinaryOp::InplaceMatMultiply;
        case ast::BinaryOp::Div: return BinaryOp::InplaceTrueDivide;
        case ast::BinaryOp::Mod: return BinaryOp::InplaceModulo;
        case ast::BinaryOp::FloorDiv: return BinaryOp::InplaceFloorDivide;
        case ast::BinaryOp::Pow: return BinaryOp::InplacePower;
    }
    return BinaryOp::InplaceAdd;
}


}  // namespace

void CodeGenerator::assign_stmt(const ast::Assign& s) {
    if (s.targets.size() == 1) {
        plain_assign(*s.targets[0], *s.value);
        return;
    }
    // a = b = value: CPython's order, leftmost target first.
    expr(*s.value);
    emit_->dup_top();
    assign(*s.targets[0], AssignKind::Store);
    for (std::size_t i = 1; i < s.targets.size(); ++i) {
        if (i + 1 < s.targets.size()) emit_->dup_top();
        assign(*s.targets[i], AssignKind::Store);
    }
}

void CodeGenerator::plain_assign(const ast::Expr& target, const ast::Expr& value) {
    // a, b = c, d  and  a, b, c = d, e, f  (bare tuples on both sides, no star target) swap on
    // the stack instead of building a tuple.
    auto* lhs = target.as<ast::Tuple>();
    auto* rhs = value.as<ast::Tuple>();
    if (lhs != nullptr && rhs != nullptr && !lhs->parenthesised && !rhs->parenthesised &&
        lhs->elts.size() == rhs->elts.size() && (lhs->elts.size() == 2 || lhs->elts.size() == 3)) {
        bool has_star = false;
        for (const ast::ExprPtr& e : lhs->elts) has_star |= e->is<ast::Starred>();
        if (!has_star) {
            expr(*rhs->elts[0]);
            expr(*rhs->elts[1]);
            if (rhs->elts.size() == 3) {
                expr(*rhs->elts[2]);
                emit_->rot_three();
            }
            emit_->rot_two();
            for (const ast::ExprPtr& e : lhs->elts) assign(*e, AssignKind::Store);
            return;
        }
    }
    expr(value);
    assign(target, AssignKind::Store);
}

void CodeGenerator::aug_assign(const ast::AugAssign& s) {
    assign(*s.target, AssignKind::AugLoad);
    expr(*s.value);
    emit_->binary_op(inplace_op(s.op));
    assign(*s.target, AssignKind::AugStore);
}

void CodeGenerator::ann_assign(const ast::AnnAssign& s) {
    if (s.value) {
        plain_assign(*s.target, *s.value);
        return;
    }
    // `x: T` alone evaluates nothing, but inside a function it makes x a local.
    if (cur_->kind == ScopeKind::Function) {
        if (auto* n = s.target->as<ast::Name>()) cur_->find_or_add(n->id, NameKind::Local);
    }
}

// Stores the value on the stack into `target` (Store), or for augmented assignment loads the
// target's current value keeping what the store needs on the stack (AugLoad), then stores
// (AugStore).
void CodeGenerator::assign(const ast::Expr& target, AssignKind kind) {
    if (auto* n = target.as<ast::Name>()) {
        if (kind == AssignKind::AugLoad) {
            load_id(n->id);
        } else {
            store_id(n->id);
        }
        return;
    }
    if (is_trailer_node(target)) {
        assign_chain(target, kind);
        return;
    }
    if (auto* t = target.as<ast::Tuple>()) {
        if (kind == AssignKind::Store && !(t->parenthesised && t->elts.empty())) {
            assign_tuple(t->elts);
            return;
        }
    } else if (auto* l = target.as<ast::List>()) {
        if (kind == AssignKind::Store) {
            assign_tuple(l->elts);
            return;
        }
    }
    error("can't assign to expression", target.line);
}

// obj.attr / obj[index] as a target: the trailers before the last are evaluated one by one
// (no method-call shortcut here, unlike in expressions).
void CodeGenerator::assign_chain(const ast::Expr& target, AssignKind kind) {
    TrailerChain c = flatten_trailers(target);
    const Trailer& last = c.trailers.back();
    if (last.kind == Trailer::Kind::Call) error("can't assign to expression", target.line);
    if (kind != AssignKind::AugStore) {
        expr(*c.base);
        for (std::size_t i = 0; i + 1 < c.trailers.size(); ++i) trailer(c.trailers[i]);
    }
    if (last.kind == Trailer::Kind::Subscr) {
        if (kind == AssignKind::AugStore) {
            emit_->rot_three();
            emit_->store_subscr();
            return;
        }
        subscript_index(*last.node->as<ast::Subscript>()->index);
        if (kind == AssignKind::AugLoad) {
            emit_->dup_top_two();
            emit_->load_subscr();
        } else {
            emit_->store_subscr();
        }
        return;
    }
    const std::string& attr = last.node->as<ast::Attribute>()->attr;
    if (kind == AssignKind::AugLoad) {
        emit_->dup_top();
        emit_->load_attr(attr);
    } else {
        if (kind == AssignKind::AugStore) emit_->rot_two();
        emit_->store_attr(attr);
    }
}

// a, *b, c = value: UNPACK_SEQUENCE n, or UNPACK_EX for the (single) starred target.
void CodeGenerator::assign_tuple(const std::vector<ast::ExprPtr>& elts) {
    const std::size_t n = elts.size();
    std::size_t star = n;
    for (std::size_t i = 0; i < n; ++i) {
        if (!elts[i]->is<ast::Starred>()) continue;
        if (star != n) error("multiple *x in assignment", elts[i]->line);
        emit_->unpack_ex(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(n - i - 1));
        star = i;
    }
    if (star == n) emit_->unpack_sequence(static_cast<std::uint32_t>(n));
    for (std::size_t i = 0; i < n; ++i) {
        if (i == star) {
            assign(*elts[i]->as<ast::Starred>()->value, AssignKind::Store);
        } else {
            assign(*elts[i], AssignKind::Store);
        }
    }
}

// del x / del a.b / del a[i] / del a, (b, c)
void CodeGenerator::delete_target(const ast::Expr& target) {
    if (auto* t = target.as<ast::Tuple>(); t != nullptr && !t->parenthesised) {
        for (const ast::ExprPtr& e : t->elts) delete_target(*e);
        return;
    }
    if (auto* n = target.as<ast::Name>()) {
        delete_id(n->id);
        return;
    }
    if (is_trailer_node(target)) {
        TrailerChain c = flatten_trailers(target);
        expr(*c.base);
        for (std::size_t i = 0; i + 1 < c.trailers.size(); ++i) trailer(c.trailers[i]);
        const Trailer& last = c.trailers.back();
        if (last.kind == Trailer::Kind::Subscr) {
            subscript_index(*last.node->as<ast::Subscript>()->index);
            emit_->delete_subscr();
            return;
        }
        if (last.kind == Trailer::Kind::Attr) {
            emit_->delete_attr(last.node->as<ast::Attribute>()->attr);
            return;
        }
        error("can't delete expression", target.line);
    }
    if (auto* t = target.as<ast::Tuple>(); t != nullptr && !t->elts.empty()) {
        for (const ast::ExprPtr& e : t->elts) delete_target(*e);
        return;
    }
    error("can't delete expression", target.line);
}

}  // namespace mpy
