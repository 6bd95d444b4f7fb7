// Statements: simple statements, blocks and compound statements.
#include <utility>

#include "compiler/frontend/parser_impl.h"

namespace mpy {

namespace {

template <class T> ast::StmtPtr make_stmt(ast::Pos pos, int line, T node) {
    auto s = std::make_unique<ast::Stmt>();
    s->pos = pos;
    s->line = line;
    s->node = std::move(node);
    return s;
}

bool augassign_op(TokenKind k, ast::BinaryOp* op) {
    using K = TokenKind;
    using B = ast::BinaryOp;
    switch (k) {
        case K::PlusEqual: *op = B::Add; return true;
        case K::MinusEqual: *op = B::Sub; return true;
        case K::StarEqual: *op = B::Mult; return true;
        case K::AtEqual: *op = B::MatMult; return true;
        case K::SlashEqual: *op = B::Div; return true;
        case K::PercentEqual: *op = B::Mod; return true;
        case K::AmpersandEqual: *op = B::BitAnd; return true;
        case K::PipeEqual: *op = B::BitOr; return true;
        case K::CaretEqual: *op = B::BitXor; return true;
        case K::DblLessEqual: *op = B::LShift; return true;
        case K::DblMoreEqual: *op = B::RShift; return true;
        case K::DblStarEqual: *op = B::Pow; return true;
        case K::DblSlashEqual: *op = B::FloorDiv; return true;
        default: return false;
    }
}

}  // namespace

// stmt: compound_stmt | simple_stmt
void Parser::parse_stmt(std::vector<ast::StmtPtr>& out) {
    switch (tok().kind) {
        case TokenKind::KwIf:
        case TokenKind::KwWhile:
        case TokenKind::KwFor:
        case TokenKind::KwTry:
        case TokenKind::KwWith:
        case TokenKind::KwDef:
        case TokenKind::KwClass:
        case TokenKind::At:
        case TokenKind::KwAsync:
            out.push_back(parse_compound_stmt());
            return;
        default:
            parse_simple_stmt(out);
    }
}

// simple_stmt: small_stmt (';' small_stmt)* [';'] NEWLINE.  Two or more statements, or a
// trailing ';', make a MicroPython list node whose line is recorded first (group_line).
void Parser::parse_simple_stmt(std::vector<ast::StmtPtr>& out) {
    const int group_line = line();
    const size_t first = out.size();
    out.push_back(parse_small_stmt());
    int count = 1;
    bool trailing = false;
    while (accept(TokenKind::Semicolon)) {
        switch (tok().kind) {
            case TokenKind::KwDel: case TokenKind::KwPass: case TokenKind::KwBreak:
            case TokenKind::KwContinue: case TokenKind::KwReturn: case TokenKind::KwRaise:
            case TokenKind::KwYield: case TokenKind::KwImport: case TokenKind::KwFrom:
            case TokenKind::KwGlobal: case TokenKind::KwNonlocal: case TokenKind::KwAssert:
            case TokenKind::Star:
                break;
            default:
                if (!starts_test()) trailing = true;
        }
        if (trailing) break;
        out.push_back(parse_small_stmt());
        ++count;
    }
    expect(TokenKind::Newline);
    if (count >= 2 || trailing) out[first]->group_line = group_line;
}

ast::StmtPtr Parser::parse_small_stmt() {
    const ast::Pos p = pos();
    const int l = line();
    switch (tok().kind) {
        case TokenKind::KwDel: {
            advance();
            return make_stmt(p, l, ast::Delete{parse_exprlist()});
        }
        case TokenKind::KwPass:
            advance();
            return make_stmt(p, l, ast::Pass{});
        case TokenKind::KwBreak:
            advance();
            return make_stmt(p, l, ast::Break{});
        case TokenKind::KwContinue:
            advance();
            return make_stmt(p, l, ast::Continue{});
        case TokenKind::KwReturn: {
            advance();
            ast::Return r;
            if (starts_test()) r.value = parse_testlist();
            return make_stmt(p, l, std::move(r));
        }
        case TokenKind::KwRaise: {
            advance();
            ast::Raise r;
            if (starts_test()) {
                r.exc = parse_test();
                if (accept(TokenKind::KwFrom)) r.cause = parse_test();
            }
            return make_stmt(p, l, std::move(r));
        }
        case TokenKind::KwYield:
            return make_stmt(p, l, ast::ExprStmt{parse_yield_expr()});
        case TokenKind::KwImport:
            return parse_import();
        case TokenKind::KwFrom:
            return parse_from_import();
        case TokenKind::KwGlobal: {
            advance();
            return make_stmt(p, l, ast::Global{parse_name_list()});
        }
        case TokenKind::KwNonlocal: {
            advance();
            return make_stmt(p, l, ast::Nonlocal{parse_name_list()});
        }
        case TokenKind::KwAssert: {
            advance();
            ast::Assert a;
            a.test = parse_test();
            if (accept(TokenKind::Comma)) a.msg = parse_test();
            return make_stmt(p, l, std::move(a));
        }
        default:
            if (at(TokenKind::Star) || starts_test()) return parse_expr_stmt();
            syntax_error();
    }
}

// expr_stmt: testlist_star_expr (annassign | augassign (yield_expr|testlist_star_expr)
//                                 | ('=' (yield_expr|testlist_star_expr))*)
ast::StmtPtr Parser::parse_expr_stmt() {
    const ast::Pos p = pos();
    const int l = line();
    ast::ExprPtr lhs = parse_testlist_star_expr();
    auto rhs = [this] { return at(TokenKind::KwYield) ? parse_yield_expr() : parse_testlist_star_expr(); };

    if (accept(TokenKind::Colon)) {
        ast::AnnAssign a;
        a.target = std::move(lhs);
        a.annotation = parse_test();
        if (accept(TokenKind::Equal)) a.value = rhs();
        return make_stmt(p, l, std::move(a));
    }
    ast::BinaryOp op;
    if (augassign_op(tok().kind, &op)) {
        advance();
        return make_stmt(p, l, ast::AugAssign{std::move(lhs), op, rhs()});
    }
    if (at(TokenKind::Equal)) {
        std::vector<ast::ExprPtr> targets;
        targets.push_back(std::move(lhs));
        while (accept(TokenKind::Equal)) targets.push_back(rhs());
        ast::ExprPtr value = std::move(targets.back());
        targets.pop_back();
        if (targets.size() == 1 && register_const_assignment(*targets[0], value)) {
            return make_stmt(p, 0, ast::Pass{});  // private const: no code, no line
        }
        return make_stmt(p, l, ast::Assign{std::move(targets), std::move(value)});
    }
    // A statement that is just a constant (a docstring, a number) is dropped.
    if (lhs->is<ast::Constant>()) return make_stmt(p, l, ast::Pass{});
    return make_stmt(p, l, ast::ExprStmt{std::move(lhs)});
}

// import_name: 'import' dotted_as_name (',' dotted_as_name)*
ast::StmtPtr Parser::parse_import() {
    const ast::Pos p = pos();
    const int l = line();
    advance();
    ast::Import imp;
    do {
        ast::ImportAlias alias;
        alias.pos = pos();
        alias.dotted.push_back(take_name());
        while (accept(TokenKind::Period)) alias.dotted.push_back(take_name());
        if (accept(TokenKind::KwAs)) alias.asname = take_name();
        imp.names.push_back(std::move(alias));
    } while (accept(TokenKind::Comma));
    return make_stmt(p, l, std::move(imp));
}

// import_from: 'from' (dotted_name | ('.'|'...')+ [dotted_name]) 'import'
//              ('*' | '(' import_as_names ')' | import_as_names)
ast::StmtPtr Parser::parse_from_import() {
    const ast::Pos p = pos();
    const int l = line();
    advance();
    ast::ImportFrom imp;
    if (!at(TokenKind::Name)) {
        if (!at(TokenKind::Period) && !at(TokenKind::Ellipsis)) syntax_error();
        while (at(TokenKind::Period) || at(TokenKind::Ellipsis)) {
            imp.level += at(TokenKind::Period) ? 1 : 3;
            advance();
        }
    }
    if (at(TokenKind::Name)) {
        imp.module.push_back(take_name());
        while (accept(TokenKind::Period)) imp.module.push_back(take_name());
    }
    expect(TokenKind::KwImport);
    if (accept(TokenKind::Star)) {
        imp.star = true;
        return make_stmt(p, l, std::move(imp));
    }
    const bool parens = accept(TokenKind::ParenOpen);
    for (;;) {
        ast::ImportFromName n;
        n.pos = pos();
        n.name = take_name();
        if (accept(TokenKind::KwAs)) n.asname = take_name();
        imp.names.push_back(std::move(n));
        if (!accept(TokenKind::Comma) || !at(TokenKind::Name)) break;
    }
    if (parens) expect(TokenKind::ParenClose);
    return make_stmt(p, l, std::move(imp));
}

// name_list: NAME (',' NAME)*
std::vector<std::string> Parser::parse_name_list() {
    std::vector<std::string> names;
    names.push_back(take_name());
    while (accept(TokenKind::Comma)) names.push_back(take_name());
    return names;
}

// suite: NEWLINE INDENT stmt+ DEDENT | simple_stmt
ast::Suite Parser::parse_suite() {
    NestingGuard guard(*this);
    ast::Suite suite;
    if (!accept(TokenKind::Newline)) {
        parse_simple_stmt(suite.stmts);
        return suite;
    }
    expect(TokenKind::Indent);
    const int first_line = line();
    int count = 0;
    do {
        parse_stmt(suite.stmts);
        ++count;
    } while (!at(TokenKind::Dedent));
    advance();
    suite.line = count >= 2 ? first_line : 0;
    return suite;
}

ast::Suite Parser::parse_else_suite() {
    expect(TokenKind::Colon);
    return parse_suite();
}

ast::StmtPtr Parser::parse_compound_stmt() {
    const ast::Pos p = pos();
    const int l = line();
    switch (tok().kind) {
        case TokenKind::KwIf: return parse_if();
        case TokenKind::KwWhile: return parse_while();
        case TokenKind::KwFor: return parse_for(p, false);
        case TokenKind::KwTry: return parse_try();
        case TokenKind::KwWith: return parse_with(p, false);
        case TokenKind::KwDef: return parse_funcdef(p, false, 0);
        case TokenKind::KwClass: return parse_classdef(p);
        case TokenKind::At: return parse_decorated();
        default: break;
    }
    // async_stmt: 'async' (funcdef | with_stmt | for_stmt)
    advance();
    switch (tok().kind) {
        case TokenKind::KwDef: return parse_funcdef(p, true, l);
        case TokenKind::KwWith: return parse_with(p, true);
        case TokenKind::KwFor: return parse_for(p, true);
        default: syntax_error();
    }
}

ast::StmtPtr Parser::parse_if() {
    const ast::Pos p = pos();
    const int l = line();
    advance();
    ast::If node;
    node.test = parse_namedexpr_test();
    expect(TokenKind::Colon);
    node.body = parse_suite();
    while (at(TokenKind::KwElif)) {
        ast::ElifClause clause;
        clause.pos = pos();
        clause.line = line();
        advance();
        clause.test = parse_namedexpr_test();
        expect(TokenKind::Colon);
        clause.body = parse_suite();
        node.elifs.push_back(std::move(clause));
    }
    if (accept(TokenKind::KwElse)) {
        node.has_else = true;
        node.orelse = parse_else_suite();
    }
    return make_stmt(p, l, std::move(node));
}

ast::StmtPtr Parser::parse_while() {
    const ast::Pos p = pos();
    const int l = line();
    advance();
    ast::While node;
    node.test = parse_namedexpr_test();
    expect(TokenKind::Colon);
    node.body = parse_suite();
    if (accept(TokenKind::KwElse)) {
        node.has_else = true;
        node.orelse = parse_else_suite();
    }
    return make_stmt(p, l, std::move(node));
}

// for_stmt: 'for' exprlist 'in' testlist ':' suite ['else' ':' suite]
ast::StmtPtr Parser::parse_for(ast::Pos start, bool is_async) {
    advance();
    ast::For node;
    node.is_async = is_async;
    node.target = parse_exprlist();
    expect(TokenKind::KwIn);
    node.iter = parse_testlist();
    expect(TokenKind::Colon);
    node.body = parse_suite();
    if (accept(TokenKind::KwElse)) {
        node.has_else = true;
        node.orelse = parse_else_suite();
    }
    return make_stmt(start, start.line, std::move(node));
}

// try_stmt: 'try' ':' suite ((except_clause ':' suite)+ ['else' ':' suite] ['finally' ':' suite]
//                            | 'finally' ':' suite)
ast::StmtPtr Parser::parse_try() {
    const ast::Pos p = pos();
    const int l = line();
    advance();
    expect(TokenKind::Colon);
    ast::Try node;
    node.body = parse_suite();
    if (at(TokenKind::KwExcept)) {
        while (at(TokenKind::KwExcept)) {
            ast::ExceptHandler h;
            h.pos = pos();
            h.line = line();
            advance();
            if (starts_test()) {
                h.type = parse_test();
                if (accept(TokenKind::KwAs)) h.name = take_name();
            }
            expect(TokenKind::Colon);
            h.body = parse_suite();
            node.handlers.push_back(std::move(h));
        }
        if (accept(TokenKind::KwElse)) {
            node.has_else = true;
            node.orelse = parse_else_suite();
        }
    } else if (!at(TokenKind::KwFinally)) {
        syntax_error();
    }
    if (accept(TokenKind::KwFinally)) {
        node.has_finally = true;
        node.finalbody = parse_else_suite();
    }
    return make_stmt(p, l, std::move(node));
}

// with_stmt: 'with' with_item (',' with_item)* ':' suite;  with_item: test ['as' expr]
ast::StmtPtr Parser::parse_with(ast::Pos start, bool is_async) {
    advance();
    ast::With node;
    node.is_async = is_async;
    do {
        ast::WithItem item;
        item.pos = pos();
        item.context = parse_test();
        if (accept(TokenKind::KwAs)) item.target = parse_bitwise(0);
        node.items.push_back(std::move(item));
    } while (accept(TokenKind::Comma));
    expect(TokenKind::Colon);
    node.body = parse_suite();
    return make_stmt(start, start.line, std::move(node));
}

// Parameters of a def (typed: NAME [':' test] ['=' test] | '*' [NAME [':' test]] |
// '**' NAME [':' test]) or of a lambda (no annotations), separated by commas, trailing comma
// allowed.
std::vector<ast::Param> Parser::parse_params(bool typed) {
    std::vector<ast::Param> params;
    auto starts_param = [this] { return at(TokenKind::Name) || at(TokenKind::Star) || at(TokenKind::DblStar); };
    if (!starts_param()) return params;
    for (;;) {
        ast::Param param;
        param.pos = pos();
        param.line = line();
        if (accept(TokenKind::Star)) {
            param.kind = ast::Param::Kind::Star;
            if (at(TokenKind::Name)) {
                param.name = take_name();
                if (typed && accept(TokenKind::Colon)) param.annotation = parse_test();
            }
        } else if (accept(TokenKind::DblStar)) {
            param.kind = ast::Param::Kind::DoubleStar;
            param.name = take_name();
            if (typed && accept(TokenKind::Colon)) param.annotation = parse_test();
        } else {
            param.name = take_name();
            if (typed && accept(TokenKind::Colon)) param.annotation = parse_test();
            if (accept(TokenKind::Equal)) param.default_value = parse_test();
        }
        params.push_back(std::move(param));
        if (!accept(TokenKind::Comma) || !starts_param()) break;
    }
    return params;
}

// funcdef: 'def' NAME '(' [typedargslist] ')' ['->' test] ':' suite
ast::StmtPtr Parser::parse_funcdef(ast::Pos start, bool is_async, int async_line) {
    ast::FunctionDef node;
    node.is_async = is_async;
    node.async_line = async_line;
    node.def_line = line();
    expect(TokenKind::KwDef);
    node.name = take_name();
    expect(TokenKind::ParenOpen);
    node.params = parse_params(true);
    expect(TokenKind::ParenClose);
    if (accept(TokenKind::Arrow)) node.returns = parse_test();
    expect(TokenKind::Colon);
    node.body = parse_suite();
    return make_stmt(start, start.line, std::move(node));
}

// classdef: 'class' NAME ['(' [arglist] ')'] ':' suite
ast::StmtPtr Parser::parse_classdef(ast::Pos start) {
    ast::ClassDef node;
    node.class_line = line();
    expect(TokenKind::KwClass);
    node.name = take_name();
    if (accept(TokenKind::ParenOpen)) {
        node.has_parens = true;
        int args_line = 0;
        parse_arglist(node.bases, &args_line);
        expect(TokenKind::ParenClose);
    }
    expect(TokenKind::Colon);
    node.body = parse_suite();
    return make_stmt(start, start.line, std::move(node));
}

// decorated: ('@' dotted_name ['(' [arglist] ')'] NEWLINE)+ (classdef | funcdef | async_funcdef)
ast::StmtPtr Parser::parse_decorated() {
    const ast::Pos start = pos();
    std::vector<ast::Decorator> decorators;
    while (at(TokenKind::At)) {
        ast::Decorator d;
        d.pos = pos();
        d.line = line();
        advance();
        d.dotted.push_back(take_name());
        while (accept(TokenKind::Period)) d.dotted.push_back(take_name());
        if (at(TokenKind::ParenOpen)) {
            d.has_call = true;
            d.paren_line = line();
            advance();
            int args_line = 0;
            parse_arglist(d.args, &args_line);
            expect(TokenKind::ParenClose);
        }
        expect(TokenKind::Newline);
        decorators.push_back(std::move(d));
    }
    ast::StmtPtr def;
    if (at(TokenKind::KwClass)) {
        def = parse_classdef(start);
        def->as<ast::ClassDef>()->decorators = std::move(decorators);
        return def;
    }
    if (at(TokenKind::KwDef)) {
        def = parse_funcdef(start, false, 0);
    } else if (at(TokenKind::KwAsync)) {
        const int async_line = line();
        advance();
        if (!at(TokenKind::KwDef)) syntax_error();
        def = parse_funcdef(start, true, async_line);
    } else {
        syntax_error();
    }
    def->as<ast::FunctionDef>()->decorators = std::move(decorators);
    return def;
}

}  // namespace mpy
