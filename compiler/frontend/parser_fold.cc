// Constant folding as the parser completes nodes, and const() names -- the same rules, in the
// same order, as MicroPython's parser (fold_constants / fold_logical_constants / build_tuple).
#include <cmath>
#include <utility>

#include "common/diagnostics.h"
#include "compiler/frontend/parser_impl.h"

namespace mpy {

ast::ExprPtr Parser::make_expr(ast::Pos pos, int line) {
    auto e = std::make_unique<ast::Expr>();
    e->pos = pos;
    e->line = line;
    return e;
}

// A leaf records no line; a constant object records `line`.
ast::ExprPtr Parser::make_const(ast::ConstValue v, ast::Pos pos, int line, bool is_object) {
    ast::ExprPtr e = make_expr(pos, is_object ? line : 0);
    e->node = ast::Constant{std::move(v), is_object};
    return e;
}

ast::ExprPtr Parser::make_int_const(const BigInt& v, ast::Pos pos, int token_line) {
    ast::ConstValue cv = int_const_value(v, options_.small_int_bits);
    const bool object = !cv.small_int;
    return make_const(std::move(cv), pos, token_line, object);
}

// Short strings are always made qstrs; long ones are qstrs only if that text already is one
// (otherwise MicroPython keeps them as str objects, e.g. docstrings it will discard).
ast::ExprPtr Parser::make_string_const(std::string text, ast::Pos pos, int token_line) {
    ast::ConstValue cv;
    cv.kind = ast::ConstValue::Kind::Str;
    if (text.size() <= 10) intern(text);
    cv.interned = is_interned(text);
    cv.text = std::move(text);
    const bool object = !cv.interned;
    return make_const(std::move(cv), pos, token_line, object);
}

bool Parser::is_const(const ast::Expr& e) {
    if (e.is<ast::Constant>()) return true;
    const auto* t = e.as<ast::Tuple>();
    return t != nullptr && t->parenthesised && t->elts.empty();
}

ast::ConstValue Parser::const_value(const ast::Expr& e) {
    if (const auto* c = e.as<ast::Constant>()) return c->value;
    ast::ConstValue empty_tuple;
    empty_tuple.kind = ast::ConstValue::Kind::Tuple;
    return empty_tuple;
}

// `a or b or c`: constant operands that cannot decide the result are dropped, and everything
// after an operand that decides it too; the last operand is always kept.
ast::ExprPtr Parser::fold_bool_op(bool is_or, std::vector<ast::ExprPtr> operands, ast::Pos pos, int line) {
    std::vector<ast::ExprPtr> kept;
    for (size_t k = 0; k < operands.size(); ++k) {
        ast::ExprPtr& v = operands[k];
        if (k + 1 == operands.size()) {
            kept.push_back(std::move(v));
            break;
        }
        if (is_const(*v)) {
            bool truth = const_value(*v).is_true();
            if (truth == is_or) {  // decides the result: or-true / and-false
                kept.push_back(std::move(v));
                break;
            }
            continue;  // or-false / and-true: no effect
        }
        kept.push_back(std::move(v));
    }
    if (kept.size() == 1) return std::move(kept[0]);
    ast::ExprPtr e = make_expr(pos, line);
    e->node = ast::BoolOp{is_or, std::move(kept)};
    return e;
}

ast::ExprPtr Parser::fold_not(ast::ExprPtr operand, ast::Pos pos, int line) {
    if (is_const(*operand)) {
        ast::ConstValue v;
        v.kind = const_value(*operand).is_true() ? ast::ConstValue::Kind::False : ast::ConstValue::Kind::True;
        return make_const(std::move(v), pos, 0, false);
    }
    ast::ExprPtr e = make_expr(pos, line);
    e->node = ast::UnaryOp{ast::UnaryOpKind::Not, std::move(operand)};
    return e;
}

// MicroPython folds a whole operator chain (a + b - c is one node) only if every operand is an
// int/float constant and every step succeeds; a folded result records no line.
ast::ExprPtr Parser::fold_binary_chain(std::vector<ast::ExprPtr> operands, const std::vector<ast::BinaryOp>& ops,
                                       ast::Pos pos, int line) {
    std::optional<FoldNumber> acc;
    const auto* first = operands[0]->as<ast::Constant>();
    if (first != nullptr) acc = as_fold_number(first->value, options_.small_int_bits);
    for (size_t i = 0; acc && i < ops.size(); ++i) {
        const auto* c = operands[i + 1]->as<ast::Constant>();
        std::optional<FoldNumber> rhs;
        if (c != nullptr) rhs = as_fold_number(c->value, options_.small_int_bits);
        acc = rhs ? fold_binary(ops[i], *acc, *rhs) : std::nullopt;
    }
    if (acc) {
        ast::ConstValue v = to_const_value(*acc, options_.small_int_bits);
        const bool object = !(v.kind == ast::ConstValue::Kind::Int && v.small_int);
        return make_const(std::move(v), pos, 0, object);
    }
    ast::ExprPtr result = std::move(operands[0]);
    for (size_t i = 0; i < ops.size(); ++i) {
        ast::ExprPtr e = make_expr(pos, line);
        e->node = ast::BinOp{ops[i], std::move(result), std::move(operands[i + 1])};
        result = std::move(e);
    }
    return result;
}

ast::ExprPtr Parser::fold_unary(ast::UnaryOpKind op, ast::ExprPtr operand, ast::Pos pos, int line) {
    if (const auto* c = operand->as<ast::Constant>()) {
        if (auto n = as_fold_number(c->value, options_.small_int_bits)) {
            if (auto r = mpy::fold_unary(op, *n)) {
                ast::ConstValue v = to_const_value(*r, options_.small_int_bits);
                const bool object = !(v.kind == ast::ConstValue::Kind::Int && v.small_int);
                return make_const(std::move(v), pos, 0, object);
            }
        }
    }
    ast::ExprPtr e = make_expr(pos, line);
    e->node = ast::UnaryOp{op, std::move(operand)};
    return e;
}

// NAME.attr where NAME is `math` and attr one of its float constants (mpy-cross's only constant
// module) folds to the value.
ast::ExprPtr Parser::fold_module_const(ast::ExprPtr subject, const std::string& attr, ast::Pos pos, int line,
                                       int dot_line) {
    if (subject->as<ast::Name>()->id == "math") {
        double value = 0;
        bool found = true;
        if (attr == "pi") {
            value = 3.14159265358979323846;
        } else if (attr == "e") {
            value = 2.71828182845904523536;
        } else if (attr == "tau") {
            value = 6.28318530717958647693;
        } else if (attr == "inf") {
            value = INFINITY;
        } else if (attr == "nan") {
            value = NAN;
        } else {
            found = false;
        }
        if (found) return make_const(float_const_value(value), pos, 0, true);
    }
    ast::ExprPtr e = make_expr(pos, line);
    e->node = ast::Attribute{std::move(subject), attr, dot_line};
    return e;
}

ast::ExprPtr Parser::build_tuple(std::vector<ast::ExprPtr> elts, ast::Pos pos, int line, bool parenthesised,
                                 int items_line, bool may_fold) {
    bool all_const = may_fold;
    for (const auto& e : elts) all_const = all_const && is_const(*e);
    if (all_const) {
        ast::ConstValue v;
        v.kind = ast::ConstValue::Kind::Tuple;
        for (const auto& e : elts) v.items.push_back(const_value(*e));
        return make_const(std::move(v), pos, parenthesised ? items_line : line, true);
    }
    ast::ExprPtr e = make_expr(pos, line);
    e->node = ast::Tuple{std::move(elts), parenthesised, parenthesised ? items_line : 0};
    return e;
}

// A const() name used as a value: a small int stays a leaf, anything else becomes a constant
// object recorded at the name's line.
ast::ExprPtr Parser::substitute_const(const std::string& name, ast::Pos pos, int token_line) {
    const ast::ConstValue& v = consts_.at(name);
    const bool object = !(v.kind == ast::ConstValue::Kind::Int && v.small_int);
    return make_const(v, pos, token_line, object);
}

// `NAME = const(value)`: value must be a constant (after folding).  The name is then replaced
// by the value wherever it is used as a value; a name starting with '_' is private and the
// assignment itself disappears.
bool Parser::register_const_assignment(ast::Expr& target, ast::ExprPtr& value) {
    const auto* name = target.as<ast::Name>();
    auto* call = value->as<ast::Call>();
    if (name == nullptr || call == nullptr || value->line == 0) return false;
    const auto* func = call->func->as<ast::Name>();
    if (func == nullptr || func->id != "const") return false;
    const bool single_positional = call->args.size() == 1 && call->args_line == 0 &&
                                   call->args[0].kind == ast::Argument::Kind::Positional;
    if (!single_positional || !is_const(*call->args[0].value)) {
        error_at("SyntaxError", "not a constant", value->line, value->pos.column);
    }
    consts_[name->id] = const_value(*call->args[0].value);
    if (!name->id.empty() && name->id[0] == '_') return true;
    ast::ExprPtr replacement = std::move(call->args[0].value);
    value = std::move(replacement);
    return false;
}

}  // namespace mpy
