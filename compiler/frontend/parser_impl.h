// Internal interface of the parser, shared by parser.cc (driver, tokens, qstrs, const table),
// parser_stmt.cc (statements), parser_expr.cc (expressions) and parser_fold.cc (folding).
//
// The parser is recursive descent over MicroPython's grammar (py/grammar.h): one function per
// grammar rule that produces something, choosing alternatives by the current token exactly
// where MicroPython's table-driven parser would, so that errors surface at the same token.
// Folding is done bottom-up as each node is completed, in the same order as MicroPython, because
// order matters: const() names, and which strings are qstrs, depend on what came before.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "compiler/frontend/ast.h"
#include "compiler/frontend/const_fold.h"
#include "compiler/frontend/lexer.h"
#include "compiler/frontend/parser.h"

namespace mpy {

class Parser {
public:
    Parser(std::string_view source, const std::string& filename, const ParseOptions& options);
    ast::Module parse_file_input();

private:
    friend class NestingGuard;

    // ---- tokens (parser.cc)
    const Token& tok() const { return lex_.token(); }
    bool at(TokenKind k) const { return lex_.token().kind == k; }
    int line() const { return lex_.token().line; }
    ast::Pos pos() const { return {lex_.token().line, lex_.token().column}; }
    void advance() { lex_.advance(); }
    bool accept(TokenKind k);
    void expect(TokenKind k);
    // The error mpy-cross reports when the parse cannot continue at the current token.
    [[noreturn]] void syntax_error();
    [[noreturn]] void error_at(const char* kind, std::string message, int line, int column = 0);
    std::string take_name();  // expects a NAME and makes it a qstr, as MicroPython does
    void intern(const std::string& s);
    bool is_interned(const std::string& s) const;
    bool starts_test() const;

    // ---- statements (parser_stmt.cc)
    void parse_stmt(std::vector<ast::StmtPtr>& out);
    void parse_simple_stmt(std::vector<ast::StmtPtr>& out);
    ast::StmtPtr parse_small_stmt();
    ast::StmtPtr parse_expr_stmt();
    ast::StmtPtr parse_compound_stmt();
    ast::Suite parse_suite();
    ast::StmtPtr parse_if();
    ast::StmtPtr parse_while();
    ast::StmtPtr parse_for(ast::Pos start, bool is_async);
    ast::StmtPtr parse_try();
    ast::StmtPtr parse_with(ast::Pos start, bool is_async);
    ast::StmtPtr parse_funcdef(ast::Pos start, bool is_async, int async_line);
    ast::StmtPtr parse_classdef(ast::Pos start);
    ast::StmtPtr parse_decorated();
    ast::StmtPtr parse_import();
    ast::StmtPtr parse_from_import();
    std::vector<std::string> parse_name_list();
    std::vector<ast::Param> parse_params(bool typed);
    ast::Suite parse_else_suite();

    // ---- expressions (parser_expr.cc)
    ast::ExprPtr parse_test();
    ast::ExprPtr parse_test_nocond();
    ast::ExprPtr parse_namedexpr_test();
    ast::ExprPtr parse_lambda(bool nocond);
    ast::ExprPtr parse_or_test();
    ast::ExprPtr parse_and_test();
    ast::ExprPtr parse_not_test();
    ast::ExprPtr parse_comparison();
    ast::ExprPtr parse_star_expr();
    ast::ExprPtr parse_bitwise(int level);  // | ^ &
    ast::ExprPtr parse_shift_expr();
    ast::ExprPtr parse_arith_expr();
    ast::ExprPtr parse_term();
    ast::ExprPtr parse_factor();
    ast::ExprPtr parse_power();
    ast::ExprPtr parse_atom_expr();
    ast::ExprPtr parse_atom();
    ast::ExprPtr parse_paren_atom();
    ast::ExprPtr parse_bracket_atom();
    ast::ExprPtr parse_brace_atom();
    ast::ExprPtr parse_yield_expr();
    ast::ExprPtr parse_star_or_test();        // testlist_star_expr / testlist_comp item
    int parse_testlist_comp_rest(std::vector<ast::ExprPtr>& elts, int first_line);
    ast::ExprPtr parse_exprlist();            // for/del targets
    ast::ExprPtr parse_testlist();            // return values, for iterables
    ast::ExprPtr parse_testlist_star_expr();  // expression statements
    ast::ExprPtr parse_subscriptlist();
    ast::ExprPtr parse_subscript();
    void parse_arglist(std::vector<ast::Argument>& args, int* args_line);
    std::vector<ast::ComprehensionFor> parse_comp_for();
    ast::ExprPtr parse_trailers(ast::ExprPtr subject, int chain_line);

    // ---- folding (parser_fold.cc)
    ast::ExprPtr make_expr(ast::Pos pos, int line);
    ast::ExprPtr make_const(ast::ConstValue v, ast::Pos pos, int line, bool is_object);
    ast::ExprPtr make_int_const(const BigInt& v, ast::Pos pos, int token_line);
    ast::ExprPtr make_string_const(std::string text, ast::Pos pos, int token_line);
    // MicroPython's "is a constant": any Constant, or the empty tuple ().
    static bool is_const(const ast::Expr& e);
    static ast::ConstValue const_value(const ast::Expr& e);
    ast::ExprPtr fold_bool_op(bool is_or, std::vector<ast::ExprPtr> operands, ast::Pos pos, int line);
    ast::ExprPtr fold_not(ast::ExprPtr operand, ast::Pos pos, int line);
    // A chain of binary operators MicroPython keeps as one list node: folded whole or not at all.
    ast::ExprPtr fold_binary_chain(std::vector<ast::ExprPtr> operands, const std::vector<ast::BinaryOp>& ops,
                                   ast::Pos pos, int line);
    ast::ExprPtr fold_unary(ast::UnaryOpKind op, ast::ExprPtr operand, ast::Pos pos, int line);
    ast::ExprPtr fold_module_const(ast::ExprPtr subject, const std::string& attr, ast::Pos pos, int line,
                                   int dot_line);
    // A tuple display: a Constant tuple when every element is constant, else a Tuple.
    ast::ExprPtr build_tuple(std::vector<ast::ExprPtr> elts, ast::Pos pos, int line, bool parenthesised,
                             int items_line, bool may_fold);
    ast::ExprPtr substitute_const(const std::string& name, ast::Pos pos, int token_line);
    // `NAME = const(value)` handling after an assignment statement; returns true if the
    // statement must become `pass` (private name).
    bool register_const_assignment(ast::Expr& target, ast::ExprPtr& value);

    ParseOptions options_;
    std::string filename_;
    Lexer lex_;
    std::unordered_set<std::string> qstrs_;  // qstrs created so far (names, short strings, ...)
    std::unordered_map<std::string, ast::ConstValue> consts_;  // const() names
    int nesting_ = 0;
};

// Counts nesting (blocks, brackets, operators) and stops runaway input with mpy-cross's error
// for it, a MemoryError, before the stack runs out.
class NestingGuard {
public:
    explicit NestingGuard(Parser& p);
    ~NestingGuard() { --p_.nesting_; }
    NestingGuard(const NestingGuard&) = delete;
    NestingGuard& operator=(const NestingGuard&) = delete;

private:
    Parser& p_;
};

}  // namespace mpy
