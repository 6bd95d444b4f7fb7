// Behaviour of AST helper values.
#include "compiler/frontend/ast.h"

#include <type_traits>
#include <vector>

namespace mpy::ast {

// Python truthiness of a constant, as MicroPython's mp_obj_is_true would answer it.
bool ConstValue::is_true() const {
    switch (kind) {
        case Kind::None:
        case Kind::False:
            return false;
        case Kind::True:
        case Kind::Ellipsis:
            return true;
        case Kind::Int:
            return int_decimal != "0";
        case Kind::Float:
            return real != 0.0;  // NaN is true, as in Python
        case Kind::Complex:
            return real != 0.0 || imag != 0.0;
        case Kind::Str:
        case Kind::Bytes:
            return !text.empty();
        case Kind::Tuple:
            return !items.empty();
    }
    return false;
}

}  // namespace mpy::ast

namespace mpy::ast {

namespace {

// Moves every direct sub-expression of `e` into `out` (leaving `e` a leaf).
void take_children(Expr& e, std::vector<ExprPtr>& out) {
    auto take = [&out](ExprPtr& p) {
        if (p) out.push_back(std::move(p));
    };
    auto take_all = [&take](std::vector<ExprPtr>& v) {
        for (ExprPtr& p : v) take(p);
        v.clear();
    };
    auto take_args = [&take](std::vector<Argument>& args) {
        for (Argument& a : args) {
            take(a.keyword);
            take(a.value);
        }
    };
    std::visit(
        [&](auto& n) {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, BinOp>) {
                take(n.left);
                take(n.right);
            } else if constexpr (std::is_same_v<T, UnaryOp>) {
                take(n.operand);
            } else if constexpr (std::is_same_v<T, BoolOp>) {
                take_all(n.values);
            } else if constexpr (std::is_same_v<T, Compare>) {
                take(n.left);
                take_all(n.comparators);
            } else if constexpr (std::is_same_v<T, IfExp>) {
                take(n.body);
                take(n.test);
                take(n.orelse);
            } else if constexpr (std::is_same_v<T, Lambda>) {
                for (Param& p : n.params) {
                    take(p.annotation);
                    take(p.default_value);
                }
                take(n.body);
            } else if constexpr (std::is_same_v<T, NamedExpr>) {
                take(n.target);
                take(n.value);
            } else if constexpr (std::is_same_v<T, Starred> || std::is_same_v<T, Await> || std::is_same_v<T, Yield>) {
                take(n.value);
            } else if constexpr (std::is_same_v<T, Attribute>) {
                take(n.value);
            } else if constexpr (std::is_same_v<T, Slice>) {
                take(n.lower);
                take(n.upper);
                take(n.step);
            } else if constexpr (std::is_same_v<T, Subscript>) {
                take(n.value);
                take(n.index);
            } else if constexpr (std::is_same_v<T, Call>) {
                take(n.func);
                take_args(n.args);
            } else if constexpr (std::is_same_v<T, Tuple> || std::is_same_v<T, List>) {
                take_all(n.elts);
            } else if constexpr (std::is_same_v<T, DictOrSet>) {
                for (BraceItem& item : n.items) {
                    take(item.key);
                    take(item.value);
                }
            } else if constexpr (std::is_same_v<T, Comprehension>) {
                take(n.elt);
                take(n.value);
                for (ComprehensionFor& g : n.generators) {
                    take(g.target);
                    take(g.iter);
                    for (ComprehensionIf& c : g.ifs) take(c.test);
                }
            }
        },
        e.node);
}

// Moves every statement nested in `s`'s blocks into `out`.
void take_children(Stmt& s, std::vector<StmtPtr>& out) {
    auto take = [&out](Suite& suite) {
        for (StmtPtr& p : suite.stmts) {
            if (p) out.push_back(std::move(p));
        }
        suite.stmts.clear();
    };
    std::visit(
        [&](auto& n) {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, If>) {
                take(n.body);
                for (ElifClause& e : n.elifs) take(e.body);
                take(n.orelse);
            } else if constexpr (std::is_same_v<T, While> || std::is_same_v<T, For>) {
                take(n.body);
                take(n.orelse);
            } else if constexpr (std::is_same_v<T, Try>) {
                take(n.body);
                for (ExceptHandler& h : n.handlers) take(h.body);
                take(n.orelse);
                take(n.finalbody);
            } else if constexpr (std::is_same_v<T, With> || std::is_same_v<T, FunctionDef> || std::is_same_v<T, ClassDef>) {
                take(n.body);
            }
        },
        s.node);
}

}  // namespace

Expr::~Expr() {
    std::vector<ExprPtr> pending;
    take_children(*this, pending);
    while (!pending.empty()) {
        ExprPtr e = std::move(pending.back());
        pending.pop_back();
        take_children(*e, pending);
    }  // each `e` dies here with no children left
}

Stmt::~Stmt() {
    std::vector<StmtPtr> pending;
    take_children(*this, pending);
    while (!pending.empty()) {
        StmtPtr s = std::move(pending.back());
        pending.pop_back();
        take_children(*s, pending);
    }
}

}  // namespace mpy::ast
