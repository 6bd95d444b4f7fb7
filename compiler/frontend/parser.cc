// The parser's entry point, token helpers, qstr pool and error reporting.
#include <algorithm>
#include <array>

#include "common/diagnostics.h"
#include "compiler/frontend/parser_impl.h"
#include "common/large_stack.h"

namespace mpy {

namespace {

// mpy-cross 1.27's built-in qstrs longer than 10 bytes (its qstrdefs.generated.h).  A string
// literal longer than 10 bytes becomes a qstr (LOAD_CONST_STRING) only if it already is one.
constexpr std::array<std::string_view, 44> kBuiltinLongQstrs = {
    "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "GeneratorExit",
    "ImportError", "IndentationError", "KeyboardInterrupt", "LookupError", "MemoryError",
    "NotImplementedError", "OverflowError", "RuntimeError", "StopAsyncIteration", "StopIteration",
    "SyntaxError", "UnicodeError", "ViperTypeError", "ZeroDivisionError", "__build_class__",
    "__complex__", "__contains__", "__delitem__", "__getattr__", "__getitem__", "__qualname__",
    "__repl_print__", "__reversed__", "__setitem__", "__traceback__", "bound_method", "classmethod",
    "difference_update", "heap_unlock", "intersection", "intersection_update",
    "maximum recursion depth exceeded", "micropython", "staticmethod", "symmetric_difference",
    "symmetric_difference_update", "unpack_from", "vcvt_f32_s32", "vcvt_s32_f32",
};
// The ones 1.28 added, for t-strings (string.templatelib).
constexpr std::array<std::string_view, 5> kBuiltinLongQstrsSince128 = {
    "Interpolation", "__template__", "format_spec", "interpolations", "string.templatelib",
};

}  // namespace

bool is_builtin_long_qstr(std::string_view s, CompatVersion compat) {
    auto contains = [s](const auto& table) { return std::find(table.begin(), table.end(), s) != table.end(); };
    return contains(kBuiltinLongQstrs) || (compat == CompatVersion::V1_28 && contains(kBuiltinLongQstrsSince128));
}

ast::Module parse_module(std::string_view source, const std::string& filename, const ParseOptions& options) {
    ast::Module result;
    run_with_large_stack([&] {
        Parser parser(source, filename, options);
        result = parser.parse_file_input();
    });
    return result;
}

NestingGuard::NestingGuard(Parser& p) : p_(p) {
    if (++p_.nesting_ > p_.options_.max_nesting) {
        --p_.nesting_;
        throw DiagnosticError(Diagnostic{"MemoryError", "memory allocation failed (nesting too deep)",
                                         {p_.filename_, 0, 0}, {}});
    }
}

Parser::Parser(std::string_view source, const std::string& filename, const ParseOptions& options)
    : options_(options), filename_(filename), lex_(source, filename, LexerOptions{options.optimize_level, options.compat}) {
    for (const std::string& s : options_.preinterned) qstrs_.insert(s);
}

// file_input: (NEWLINE | stmt)* END.  MicroPython keeps the items in one list node when there
// are two or more, NEWLINE items included (a file starting with a comment or blank line).
ast::Module Parser::parse_file_input() {
    ast::Module module;
    module.filename = filename_;
    const int first_line = line();
    int items = 0;
    while (!at(TokenKind::End)) {
        if (at(TokenKind::Newline)) {
            advance();
        } else {
            parse_stmt(module.body.stmts);
        }
        ++items;
    }
    module.body.line = items >= 2 ? first_line : 0;
    return module;
}

bool Parser::accept(TokenKind k) {
    if (!at(k)) return false;
    advance();
    return true;
}

void Parser::expect(TokenKind k) {
    if (!at(k)) syntax_error();
    advance();
}

void Parser::syntax_error() {
    switch (tok().kind) {
        case TokenKind::Indent:
            error_at("IndentationError", "unexpected indent", tok().line, tok().column);
        case TokenKind::DedentMismatch:
            error_at("IndentationError", "unindent doesn't match any outer indent level", tok().line, tok().column);
        case TokenKind::MalformedFString:
            error_at("SyntaxError", "malformed f-string", tok().line, tok().column);
        default:
            error_at("SyntaxError", "invalid syntax", tok().line, tok().column);
    }
}

void Parser::error_at(const char* kind, std::string message, int line, int column) {
    throw DiagnosticError(Diagnostic{kind, std::move(message), {filename_, line, column}, {}});
}

std::string Parser::take_name() {
    if (!at(TokenKind::Name)) syntax_error();
    std::string name = tok().text;
    intern(name);
    advance();
    return name;
}

// Every identifier, and every string literal of at most 10 bytes, becomes a qstr as the parser
// meets it; a qstr is limited to 255 bytes.
void Parser::intern(const std::string& s) {
    if (qstrs_.count(s) != 0 || is_builtin_long_qstr(s, options_.compat)) return;
    if (s.size() >= 256) throw DiagnosticError(Diagnostic{"RuntimeError", "name too long", {filename_, 0, 0}, {}});
    qstrs_.insert(s);
}

bool Parser::is_interned(const std::string& s) const {
    return s.size() <= 10 || qstrs_.count(s) != 0 || is_builtin_long_qstr(s, options_.compat);
}

// Tokens that can start a `test` (MicroPython's FIRST set of the rule).
bool Parser::starts_test() const {
    switch (tok().kind) {
        case TokenKind::KwLambda:
        case TokenKind::KwNot:
        case TokenKind::Plus:
        case TokenKind::Minus:
        case TokenKind::Tilde:
        case TokenKind::KwAwait:
        case TokenKind::Name:
        case TokenKind::Integer:
        case TokenKind::FloatOrImag:
        case TokenKind::String:
        case TokenKind::Bytes:
        case TokenKind::Ellipsis:
        case TokenKind::KwNone:
        case TokenKind::KwTrue:
        case TokenKind::KwFalse:
        case TokenKind::ParenOpen:
        case TokenKind::BracketOpen:
        case TokenKind::BraceOpen:
            return true;
        default:
            return false;
    }
}

}  // namespace mpy
