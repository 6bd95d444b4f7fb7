// Expressions, from `test` down to atoms and trailers, plus the comma lists built from them.
//
// Every function records the line of its first token: that is the line MicroPython gives the
// parse node of the corresponding rule (see ast.h).
#include <utility>

#include "compiler/frontend/parser_impl.h"

namespace mpy {

namespace {

template <class T> ast::ExprPtr make_node(ast::Pos pos, int line, T node) {
    auto e = std::make_unique<ast::Expr>();
    e->pos = pos;
    e->line = line;
    e->node = std::move(node);
    return e;
}

}  // namespace

// test: lambdef | or_test ['if' or_test 'else' test]
ast::ExprPtr Parser::parse_test() {
    if (at(TokenKind::KwLambda)) return parse_lambda(false);
    const ast::Pos p = pos();
    const int l = line();
    ast::ExprPtr body = parse_or_test();
    if (!at(TokenKind::KwIf)) return body;
    NestingGuard guard(*this);
    ast::IfExp node;
    node.if_line = line();
    advance();
    node.body = std::move(body);
    node.test = parse_or_test();
    expect(TokenKind::KwElse);
    node.orelse = parse_test();
    return make_node(p, l, std::move(node));
}

// test_nocond: lambdef_nocond | or_test  (comprehension conditions)
ast::ExprPtr Parser::parse_test_nocond() {
    if (at(TokenKind::KwLambda)) return parse_lambda(true);
    return parse_or_test();
}

// namedexpr_test: test [':=' test]
ast::ExprPtr Parser::parse_namedexpr_test() {
    const ast::Pos p = pos();
    const int l = line();
    ast::ExprPtr target = parse_test();
    if (!accept(TokenKind::Walrus)) return target;
    ast::NamedExpr node;
    node.target = std::move(target);
    node.value = parse_test();
    return make_node(p, l, std::move(node));
}

// lambdef: 'lambda' [varargslist] ':' test
ast::ExprPtr Parser::parse_lambda(bool nocond) {
    NestingGuard guard(*this);
    const ast::Pos p = pos();
    const int l = line();
    advance();
    ast::Lambda node;
    node.params = parse_params(false);
    expect(TokenKind::Colon);
    node.body = nocond ? parse_test_nocond() : parse_test();
    return make_node(p, l, std::move(node));
}

// or_test: and_test ('or' and_test)*
ast::ExprPtr Parser::parse_or_test() {
    const ast::Pos p = pos();
    const int l = line();
    std::vector<ast::ExprPtr> operands;
    operands.push_back(parse_and_test());
    while (accept(TokenKind::KwOr)) operands.push_back(parse_and_test());
    if (operands.size() == 1) return std::move(operands[0]);
    return fold_bool_op(true, std::move(operands), p, l);
}

// and_test: not_test ('and' not_test)*
ast::ExprPtr Parser::parse_and_test() {
    const ast::Pos p = pos();
    const int l = line();
    std::vector<ast::ExprPtr> operands;
    operands.push_back(parse_not_test());
    while (accept(TokenKind::KwAnd)) operands.push_back(parse_not_test());
    if (operands.size() == 1) return std::move(operands[0]);
    return fold_bool_op(false, std::move(operands), p, l);
}

// not_test: 'not' not_test | comparison
ast::ExprPtr Parser::parse_not_test() {
    if (!at(TokenKind::KwNot)) return parse_comparison();
    NestingGuard guard(*this);
    const ast::Pos p = pos();
    const int l = line();
    advance();
    return fold_not(parse_not_test(), p, l);
}

// comparison: expr (comp_op expr)*
ast::ExprPtr Parser::parse_comparison() {
    const ast::Pos p = pos();
    const int l = line();
    ast::ExprPtr left = parse_bitwise(0);
    ast::Compare node;
    for (;;) {
        ast::CmpOp op;
        switch (tok().kind) {
            case TokenKind::Less: op = ast::CmpOp::Lt; break;
            case TokenKind::More: op = ast::CmpOp::Gt; break;
            case TokenKind::DblEqual: op = ast::CmpOp::Eq; break;
            case TokenKind::LessEqual: op = ast::CmpOp::LtE; break;
            case TokenKind::MoreEqual: op = ast::CmpOp::GtE; break;
            case TokenKind::NotEqual: op = ast::CmpOp::NotEq; break;
            case TokenKind::KwIn: op = ast::CmpOp::In; break;
            case TokenKind::KwNot: op = ast::CmpOp::NotIn; break;
            case TokenKind::KwIs: op = ast::CmpOp::Is; break;
            default:
                if (node.ops.empty()) return left;
                node.left = std::move(left);
                return make_node(p, l, std::move(node));
        }
        advance();
        if (op == ast::CmpOp::NotIn) {
            expect(TokenKind::KwIn);
        } else if (op == ast::CmpOp::Is && accept(TokenKind::KwNot)) {
            op = ast::CmpOp::IsNot;
        }
        node.ops.push_back(op);
        node.comparators.push_back(parse_bitwise(0));
    }
}

// star_expr: '*' expr
ast::ExprPtr Parser::parse_star_expr() {
    const ast::Pos p = pos();
    const int l = line();
    expect(TokenKind::Star);
    return make_node(p, l, ast::Starred{parse_bitwise(0)});
}

// expr: xor_expr ('|' xor_expr)*;  xor_expr: and_expr ('^' and_expr)*;
// and_expr: shift_expr ('&' shift_expr)*
ast::ExprPtr Parser::parse_bitwise(int level) {
    static constexpr TokenKind kSeparators[] = {TokenKind::Pipe, TokenKind::Caret, TokenKind::Ampersand};
    static constexpr ast::BinaryOp kOps[] = {ast::BinaryOp::BitOr, ast::BinaryOp::BitXor, ast::BinaryOp::BitAnd};
    const ast::Pos p = pos();
    const int l = line();
    auto operand = [this, level] { return level == 2 ? parse_shift_expr() : parse_bitwise(level + 1); };
    std::vector<ast::ExprPtr> operands;
    std::vector<ast::BinaryOp> ops;
    operands.push_back(operand());
    while (accept(kSeparators[level])) {
        ops.push_back(kOps[level]);
        operands.push_back(operand());
    }
    if (ops.empty()) return std::move(operands[0]);
    return fold_binary_chain(std::move(operands), ops, p, l);
}

// shift_expr: arith_expr (('<<'|'>>') arith_expr)*
ast::ExprPtr Parser::parse_shift_expr() {
    const ast::Pos p = pos();
    const int l = line();
    std::vector<ast::ExprPtr> operands;
    std::vector<ast::BinaryOp> ops;
    operands.push_back(parse_arith_expr());
    for (;;) {
        if (at(TokenKind::DblLess)) {
            ops.push_back(ast::BinaryOp::LShift);
        } else if (at(TokenKind::DblMore)) {
            ops.push_back(ast::BinaryOp::RShift);
        } else {
            break;
        }
        advance();
        operands.push_back(parse_arith_expr());
    }
    if (ops.empty()) return std::move(operands[0]);
    return fold_binary_chain(std::move(operands), ops, p, l);
}

// arith_expr: term (('+'|'-') term)*
ast::ExprPtr Parser::parse_arith_expr() {
    const ast::Pos p = pos();
    const int l = line();
    std::vector<ast::ExprPtr> operands;
    std::vector<ast::BinaryOp> ops;
    operands.push_back(parse_term());
    for (;;) {
        if (at(TokenKind::Plus)) {
            ops.push_back(ast::BinaryOp::Add);
        } else if (at(TokenKind::Minus)) {
            ops.push_back(ast::BinaryOp::Sub);
        } else {
            break;
        }
        advance();
        operands.push_back(parse_term());
    }
    if (ops.empty()) return std::move(operands[0]);
    return fold_binary_chain(std::move(operands), ops, p, l);
}

// term: factor (('*'|'@'|'/'|'%'|'//') factor)*
ast::ExprPtr Parser::parse_term() {
    const ast::Pos p = pos();
    const int l = line();
    std::vector<ast::ExprPtr> operands;
    std::vector<ast::BinaryOp> ops;
    operands.push_back(parse_factor());
    for (;;) {
        switch (tok().kind) {
            case TokenKind::Star: ops.push_back(ast::BinaryOp::Mult); break;
            case TokenKind::At: ops.push_back(ast::BinaryOp::MatMult); break;
            case TokenKind::Slash: ops.push_back(ast::BinaryOp::Div); break;
            case TokenKind::Percent: ops.push_back(ast::BinaryOp::Mod); break;
            case TokenKind::DblSlash: ops.push_back(ast::BinaryOp::FloorDiv); break;
            default:
                if (ops.empty()) return std::move(operands[0]);
                return fold_binary_chain(std::move(operands), ops, p, l);
        }
        advance();
        operands.push_back(parse_factor());
    }
}

// factor: ('+'|'-'|'~') factor | power
ast::ExprPtr Parser::parse_factor() {
    ast::UnaryOpKind op;
    switch (tok().kind) {
        case TokenKind::Plus: op = ast::UnaryOpKind::Plus; break;
        case TokenKind::Minus: op = ast::UnaryOpKind::Minus; break;
        case TokenKind::Tilde: op = ast::UnaryOpKind::Invert; break;
        default: return parse_power();
    }
    NestingGuard guard(*this);
    const ast::Pos p = pos();
    const int l = line();
    advance();
    return fold_unary(op, parse_factor(), p, l);
}

// power: atom_expr ['**' factor]
ast::ExprPtr Parser::parse_power() {
    const ast::Pos p = pos();
    const int l = line();
    ast::ExprPtr base = parse_atom_expr();
    if (!accept(TokenKind::DblStar)) return base;
    NestingGuard guard(*this);
    std::vector<ast::ExprPtr> operands;
    operands.push_back(std::move(base));
    operands.push_back(parse_factor());
    return fold_binary_chain(std::move(operands), {ast::BinaryOp::Pow}, p, l);
}

// atom_expr: 'await' atom trailer* | atom trailer*
ast::ExprPtr Parser::parse_atom_expr() {
    const ast::Pos p = pos();
    const int l = line();
    if (accept(TokenKind::KwAwait)) {
        // MicroPython's await node holds the atom and trailers itself: the chain has no line.
        ast::ExprPtr chain = parse_trailers(parse_atom(), 0);
        return make_node(p, l, ast::Await{std::move(chain)});
    }
    return parse_trailers(parse_atom(), l);
}

// trailer: '(' [arglist] ')' | '[' subscriptlist ']' | '.' NAME
ast::ExprPtr Parser::parse_trailers(ast::ExprPtr subject, int chain_line) {
    const ast::Pos p = subject->pos;
    bool first = true;
    for (;;) {
        if (at(TokenKind::ParenOpen)) {
            NestingGuard guard(*this);
            ast::Call node;
            node.paren_line = line();
            advance();
            parse_arglist(node.args, &node.args_line);
            expect(TokenKind::ParenClose);
            node.func = std::move(subject);
            subject = make_node(p, chain_line, std::move(node));
        } else if (at(TokenKind::BracketOpen)) {
            NestingGuard guard(*this);
            ast::Subscript node;
            node.bracket_line = line();
            advance();
            node.index = parse_subscriptlist();
            expect(TokenKind::BracketClose);
            node.value = std::move(subject);
            subject = make_node(p, chain_line, std::move(node));
        } else if (at(TokenKind::Period)) {
            const int dot_line = line();
            advance();
            std::string attr = take_name();
            const bool only_trailer = first && !at(TokenKind::ParenOpen) && !at(TokenKind::BracketOpen) &&
                                      !at(TokenKind::Period);
            if (only_trailer && chain_line != 0 && subject->is<ast::Name>()) {
                // math.pi and friends fold to their value (only as the sole trailer, not under await).
                ast::ExprPtr folded = fold_module_const(std::move(subject), attr, p, chain_line, dot_line);
                return folded;
            }
            ast::Attribute node;
            node.value = std::move(subject);
            node.attr = std::move(attr);
            node.dot_line = dot_line;
            subject = make_node(p, chain_line, std::move(node));
        } else {
            return subject;
        }
        first = false;
    }
}

// atom: NAME | number | string | bytes | '...' | None | True | False
//     | '(' [yield_expr | testlist_comp] ')' | '[' [testlist_comp] ']' | '{' [dictorsetmaker] '}'
// Literals are converted before moving on, so their errors come first, as in MicroPython.
ast::ExprPtr Parser::parse_atom() {
    const ast::Pos p = pos();
    const int l = line();
    ast::ExprPtr result;
    switch (tok().kind) {
        case TokenKind::Name: {
            const std::string& name = tok().text;
            intern(name);
            if (consts_.count(name) != 0) {
                result = substitute_const(name, p, l);
            } else {
                result = make_node(p, 0, ast::Name{name});
            }
            break;
        }
        case TokenKind::Integer:
            result = make_int_const(parse_int_literal(tok().text, filename_, l), p, l);
            break;
        case TokenKind::FloatOrImag:
            result = make_const(parse_float_literal(tok().text, filename_, l), p, l, true);
            break;
        case TokenKind::String:
            result = make_string_const(tok().text, p, l);
            break;
        case TokenKind::Bytes: {
            ast::ConstValue v;
            v.kind = ast::ConstValue::Kind::Bytes;
            v.text = tok().text;
            result = make_const(std::move(v), p, l, true);
            break;
        }
        case TokenKind::Ellipsis:
        case TokenKind::KwNone:
        case TokenKind::KwTrue:
        case TokenKind::KwFalse: {
            ast::ConstValue v;
            v.kind = at(TokenKind::Ellipsis) ? ast::ConstValue::Kind::Ellipsis
                     : at(TokenKind::KwNone) ? ast::ConstValue::Kind::None
                     : at(TokenKind::KwTrue) ? ast::ConstValue::Kind::True
                                             : ast::ConstValue::Kind::False;
            result = make_const(std::move(v), p, 0, false);
            break;
        }
        case TokenKind::ParenOpen: return parse_paren_atom();
        case TokenKind::BracketOpen: return parse_bracket_atom();
        case TokenKind::BraceOpen: return parse_brace_atom();
        default: syntax_error();
    }
    advance();
    return result;
}

// testlist_comp item: star_expr | namedexpr_test
ast::ExprPtr Parser::parse_star_or_test() {
    return at(TokenKind::Star) ? parse_star_expr() : parse_namedexpr_test();
}

// '(' [yield_expr | testlist_comp] ')'.  Parentheses around one expression vanish; a tuple of
// constants folds to a Constant whose line is that of MicroPython's inner list node: the first
// element's for (a,), the token after the first comma's for (a, b, ...).
ast::ExprPtr Parser::parse_paren_atom() {
    NestingGuard guard(*this);
    const ast::Pos p = pos();
    const int l = line();
    advance();
    if (accept(TokenKind::ParenClose)) {
        ast::Tuple empty;
        empty.parenthesised = true;
        return make_node(p, l, std::move(empty));
    }
    if (at(TokenKind::KwYield)) {
        ast::ExprPtr y = parse_yield_expr();
        expect(TokenKind::ParenClose);
        y->parenthesised = true;
        return y;
    }
    const int inner_line = line();
    ast::ExprPtr first = parse_star_or_test();
    if (at(TokenKind::KwFor)) {
        ast::Comprehension node;
        node.kind = ast::Comprehension::Kind::Generator;
        node.elt = std::move(first);
        node.generators = parse_comp_for();
        node.items_line = inner_line;
        expect(TokenKind::ParenClose);
        return make_node(p, l, std::move(node));
    }
    if (!accept(TokenKind::Comma)) {
        expect(TokenKind::ParenClose);
        first->parenthesised = true;
        return first;
    }
    std::vector<ast::ExprPtr> elts;
    elts.push_back(std::move(first));
    const int items_line = parse_testlist_comp_rest(elts, inner_line);
    expect(TokenKind::ParenClose);
    return build_tuple(std::move(elts), p, l, true, items_line, true);
}

// The elements after the first comma of a (...) or [...] display.  Returns the line of
// MicroPython's list node: the first element's, except when two or more elements (or one and a
// trailing comma) follow the first comma -- then MicroPython's inner list starts after it.
int Parser::parse_testlist_comp_rest(std::vector<ast::ExprPtr>& elts, int first_line) {
    if (!at(TokenKind::Star) && !starts_test()) return first_line;
    const int rest_line = line();
    size_t count = 0;
    bool trailing = false;
    do {
        if (!at(TokenKind::Star) && !starts_test()) {
            trailing = true;
            break;
        }
        elts.push_back(parse_star_or_test());
        ++count;
    } while (accept(TokenKind::Comma));
    return count >= 2 || trailing ? rest_line : first_line;
}

// '[' [testlist_comp] ']'
ast::ExprPtr Parser::parse_bracket_atom() {
    NestingGuard guard(*this);
    const ast::Pos p = pos();
    const int l = line();
    advance();
    ast::List list;
    if (accept(TokenKind::BracketClose)) return make_node(p, l, std::move(list));
    const int inner_line = line();
    ast::ExprPtr first = parse_star_or_test();
    if (at(TokenKind::KwFor)) {
        ast::Comprehension node;
        node.kind = ast::Comprehension::Kind::List;
        node.elt = std::move(first);
        node.generators = parse_comp_for();
        node.items_line = inner_line;
        expect(TokenKind::BracketClose);
        return make_node(p, l, std::move(node));
    }
    list.elts.push_back(std::move(first));
    if (accept(TokenKind::Comma)) list.items_line = parse_testlist_comp_rest(list.elts, inner_line);
    expect(TokenKind::BracketClose);
    return make_node(p, l, std::move(list));
}

// '{' [dictorsetmaker] '}';  dictorsetmaker: item (comp_for | (',' item)* [','])
ast::ExprPtr Parser::parse_brace_atom() {
    NestingGuard guard(*this);
    const ast::Pos p = pos();
    const int l = line();
    advance();
    ast::DictOrSet display;
    if (accept(TokenKind::BraceClose)) return make_node(p, l, std::move(display));
    const int inner_line = line();
    auto parse_item = [this] {
        ast::BraceItem item;
        item.pos = pos();
        const int item_line = line();
        item.key = parse_test();
        if (accept(TokenKind::Colon)) {
            item.value = parse_test();
            item.line = item_line;
        }
        return item;
    };
    ast::BraceItem first = parse_item();
    if (at(TokenKind::KwFor)) {
        ast::Comprehension node;
        node.kind = first.value ? ast::Comprehension::Kind::Dict : ast::Comprehension::Kind::Set;
        node.elt = std::move(first.key);
        node.value = std::move(first.value);
        node.generators = parse_comp_for();
        node.items_line = inner_line;
        expect(TokenKind::BraceClose);
        return make_node(p, l, std::move(node));
    }
    display.items.push_back(std::move(first));
    if (accept(TokenKind::Comma)) {
        display.items_line = inner_line;
        while (starts_test()) {
            display.items.push_back(parse_item());
            if (!accept(TokenKind::Comma)) break;
        }
    }
    expect(TokenKind::BraceClose);
    return make_node(p, l, std::move(display));
}

// comp_for: 'for' exprlist 'in' or_test [comp_iter];  comp_iter: comp_for | comp_if;
// comp_if: 'if' test_nocond [comp_iter]
std::vector<ast::ComprehensionFor> Parser::parse_comp_for() {
    std::vector<ast::ComprehensionFor> generators;
    while (at(TokenKind::KwFor)) {
        ast::ComprehensionFor gen;
        gen.line = line();
        advance();
        gen.target = parse_exprlist();
        expect(TokenKind::KwIn);
        gen.iter = parse_or_test();
        while (at(TokenKind::KwIf)) {
            ast::ComprehensionIf cond;
            cond.line = line();
            advance();
            cond.test = parse_test_nocond();
            gen.ifs.push_back(std::move(cond));
        }
        generators.push_back(std::move(gen));
    }
    return generators;
}

// yield_expr: 'yield' ['from' test | testlist]
ast::ExprPtr Parser::parse_yield_expr() {
    const ast::Pos p = pos();
    const int l = line();
    expect(TokenKind::KwYield);
    ast::Yield node;
    if (accept(TokenKind::KwFrom)) {
        node.is_from = true;
        node.value = parse_test();
    } else if (starts_test()) {
        node.value = parse_testlist();
    }
    return make_node(p, l, std::move(node));
}

// testlist_star_expr: (test|star_expr) (',' (test|star_expr))* [',']
ast::ExprPtr Parser::parse_testlist_star_expr() {
    const ast::Pos p = pos();
    const int l = line();
    auto item = [this] { return at(TokenKind::Star) ? parse_star_expr() : parse_test(); };
    ast::ExprPtr first = item();
    if (!at(TokenKind::Comma)) return first;
    std::vector<ast::ExprPtr> elts;
    elts.push_back(std::move(first));
    while (accept(TokenKind::Comma) && (at(TokenKind::Star) || starts_test())) elts.push_back(item());
    return build_tuple(std::move(elts), p, l, false, 0, true);
}

// testlist: test (',' test)* [',']
ast::ExprPtr Parser::parse_testlist() {
    const ast::Pos p = pos();
    const int l = line();
    ast::ExprPtr first = parse_test();
    if (!at(TokenKind::Comma)) return first;
    std::vector<ast::ExprPtr> elts;
    elts.push_back(std::move(first));
    while (accept(TokenKind::Comma) && starts_test()) elts.push_back(parse_test());
    return build_tuple(std::move(elts), p, l, false, 0, true);
}

// exprlist: (expr|star_expr) (',' (expr|star_expr))* [',']  -- never folded
ast::ExprPtr Parser::parse_exprlist() {
    const ast::Pos p = pos();
    const int l = line();
    auto item = [this] { return at(TokenKind::Star) ? parse_star_expr() : parse_bitwise(0); };
    auto starts_item = [this] {
        return at(TokenKind::Star) || (starts_test() && !at(TokenKind::KwLambda) && !at(TokenKind::KwNot));
    };
    if (!starts_item()) syntax_error();
    ast::ExprPtr first = item();
    if (!at(TokenKind::Comma)) return first;
    std::vector<ast::ExprPtr> elts;
    elts.push_back(std::move(first));
    while (accept(TokenKind::Comma) && starts_item()) elts.push_back(item());
    return build_tuple(std::move(elts), p, l, false, 0, false);
}

// subscriptlist: subscript (',' subscript)* [',']
ast::ExprPtr Parser::parse_subscriptlist() {
    const ast::Pos p = pos();
    const int l = line();
    ast::ExprPtr first = parse_subscript();
    if (!at(TokenKind::Comma)) return first;
    std::vector<ast::ExprPtr> elts;
    elts.push_back(std::move(first));
    while (accept(TokenKind::Comma) && (at(TokenKind::Colon) || starts_test())) elts.push_back(parse_subscript());
    return build_tuple(std::move(elts), p, l, false, 0, true);
}

// subscript: test | [test] ':' [test] [':' [test]]
ast::ExprPtr Parser::parse_subscript() {
    const ast::Pos p = pos();
    const int l = line();
    ast::Slice slice;
    if (!at(TokenKind::Colon)) {
        ast::ExprPtr lower = parse_test();
        if (!at(TokenKind::Colon)) return lower;
        slice.lower = std::move(lower);
    }
    slice.colon_line = line();
    advance();
    if (accept(TokenKind::Colon)) {
        slice.has_second_colon = true;
        if (starts_test()) slice.step = parse_test();
    } else if (starts_test()) {
        slice.upper = parse_test();
        if (accept(TokenKind::Colon)) {
            slice.has_second_colon = true;
            if (starts_test()) slice.step = parse_test();
        }
    }
    return make_node(p, l, std::move(slice));
}

// arglist: argument (',' argument)* [','];  argument: test [comp_for | '=' test | ':=' test]
// | '*' test | '**' test
void Parser::parse_arglist(std::vector<ast::Argument>& args, int* args_line) {
    auto starts_arg = [this] { return at(TokenKind::Star) || at(TokenKind::DblStar) || starts_test(); };
    *args_line = 0;
    if (!starts_arg()) return;
    const int first_line = line();
    bool trailing = false;
    for (;;) {
        ast::Argument arg;
        arg.pos = pos();
        if (at(TokenKind::Star) || at(TokenKind::DblStar)) {
            arg.kind = at(TokenKind::Star) ? ast::Argument::Kind::Star : ast::Argument::Kind::DoubleStar;
            arg.line = line();
            advance();
            arg.value = parse_test();
        } else {
            const int arg_line = line();
            ast::ExprPtr e = parse_test();
            if (at(TokenKind::KwFor)) {
                ast::Comprehension gen;
                gen.kind = ast::Comprehension::Kind::Generator;
                gen.elt = std::move(e);
                gen.generators = parse_comp_for();
                gen.items_line = arg_line;
                arg.value = make_node(arg.pos, 0, std::move(gen));
            } else if (accept(TokenKind::Equal)) {
                arg.kind = ast::Argument::Kind::Keyword;
                arg.line = arg_line;
                arg.keyword = std::move(e);
                arg.value = parse_test();
            } else if (accept(TokenKind::Walrus)) {
                ast::NamedExpr named;
                named.target = std::move(e);
                named.value = parse_test();
                arg.value = make_node(arg.pos, 0, std::move(named));
            } else {
                arg.value = std::move(e);
            }
        }
        args.push_back(std::move(arg));
        if (!accept(TokenKind::Comma)) break;
        if (!starts_arg()) {
            trailing = true;
            break;
        }
    }
    if (args.size() >= 2 || trailing) *args_line = first_line;
}

}  // namespace mpy
