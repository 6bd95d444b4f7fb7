// The syntax tree of a MicroPython 1.27 module, as the parser produces it AFTER constant folding.
//
// This is the contract between the frontend (lexer, parser, folding) and the backend (scope analysis,
// code generation).  The backend must emit bytecode byte-identical to mpy-cross, so the tree records
// exactly what MicroPython's compiler sees in its parse tree once the parser has finished:
//
//  * Constant folding has been applied exactly as mpy-cross does it (unary/binary arithmetic on
//    ints and floats, `not`/`and`/`or` on constants, `math.pi`-style module constants, tuples made
//    only of constants, `const()` names substituted).  A folded result is a `Constant`.
//  * Expression statements that are lone constants (docstrings included) have been replaced by
//    `Pass`, and `_NAME = const(...)` assignments (underscore names) too.
//  * f-strings do not appear: the lexer rewrote f"a{x!r:>{w}}" into the token stream of
//    'a{!r:>{}}'.format(x, w) exactly as MicroPython does, so the tree holds an ordinary `Call`.
//  * Adjacent string literals are already concatenated into one `Constant`.
//  * Targets (of assignments, del, for, keyword arguments, walrus) are kept as ordinary expressions,
//    because MicroPython reports "can't assign to literal" & co. from the compiler, not the parser.
//    Likewise parameter lists, call arguments and brace displays keep their source order unchecked.
//
// Locations.  Every node has `pos`: the line and column (both 1-based) of its first token, for
// diagnostics.  Every node also has `line`: the source line MicroPython's compiler records (its
// `set_source_line`) when it starts compiling this node, or 0 when it records none.  That is the
// line of the first token of the corresponding MicroPython parse-tree node; it is 0 for what
// MicroPython keeps as leaves (names, small ints, interned strings, None/True/False/...) and for
// results of constant folding.  The backend calls set_source_line(line) (ignoring 0) when it starts
// compiling a node; some nodes carry extra lines (`*_line` fields) for inner MicroPython nodes that
// the compiler also records.  Recorded lines only ever increase, so re-setting the same line is
// harmless.
//
// Ownership: a tree of std::unique_ptr; a Module owns everything.  Node kinds are the alternatives
// of a std::variant inside `Expr` / `Stmt`; use `e.as<Call>()` (null if not that kind) or std::visit.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace mpy::ast {

struct Pos {
    int line = 0;    // 1-based; 0 = unknown
    int column = 0;  // 1-based, counted in bytes of the line; 0 = unknown
};

struct Expr;
struct Stmt;
using ExprPtr = std::unique_ptr<Expr>;
using StmtPtr = std::unique_ptr<Stmt>;

// ---------------------------------------------------------------------------------------------
// Constant values (what MicroPython's parser holds as small-int leaves, token leaves, qstr leaves
// or `const_object` nodes).
// ---------------------------------------------------------------------------------------------
struct ConstValue {
    enum class Kind { None, False, True, Ellipsis, Int, Float, Complex, Str, Bytes, Tuple };
    Kind kind = Kind::None;

    // Int: the exact value in decimal ("-12", "1267650600228229401496703205376"), and the value
    // as int64 when `fits_int64`.
    std::string int_decimal;
    bool fits_int64 = false;
    int64_t int64 = 0;
    // Int: true when the value fits the target's small int (ParseOptions::small_int_bits), i.e.
    // MicroPython keeps it as a small-int leaf (LOAD_CONST_SMALL_INT); false = an int object
    // (LOAD_CONST_OBJ).
    bool small_int = false;

    // Float: `real`.  Complex (only from imaginary literals like 2j, never from folding): real+imag j.
    double real = 0.0;
    double imag = 0.0;

    // Str: the UTF-8 text.  Bytes: the raw bytes.
    std::string text;
    // Str: true when MicroPython made it a qstr leaf (LOAD_CONST_STRING); false = a str object
    // (LOAD_CONST_OBJ).  Decided like mpy-cross: strings up to 10 bytes are interned; longer ones
    // only if the same text was already a qstr at that point (a static qstr of mpy-cross, a name
    // that appeared earlier in the file, the file name).
    bool interned = false;

    // Tuple: the items (themselves constants; may include the empty tuple).
    std::vector<ConstValue> items;

    // Python truth value (used by the compiler to drop `if 0:` bodies etc.).
    bool is_true() const;
};

// ---------------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------------

// An identifier used as a value or a target.  MicroPython leaf: line is 0.
struct Name {
    std::string id;
};

// A literal, a folded expression, or a substituted const() name.
// line: the token's line for float/complex/big-int/non-interned-str/bytes literals and for
// substituted const() names whose value is not a small int; 0 for leaves and folding results;
// for a folded tuple, the line MicroPython gives it (see Tuple).
struct Constant {
    ConstValue value;
    // How MicroPython holds it, i.e. how it is loaded: false = a leaf (small int ->
    // LOAD_CONST_SMALL_INT, interned str -> LOAD_CONST_STRING, None/True/False/Ellipsis -> their
    // tokens); true = a constant object (LOAD_CONST_OBJ): floats, complex, bytes, tuples, ints
    // beyond small_int_bits, non-interned strings, and EVERY value substituted for a const()
    // name except small ints (so `X = const(None)` then `X` loads None as an object).
    bool is_object = false;
};

enum class BinaryOp { BitOr, BitXor, BitAnd, LShift, RShift, Add, Sub, Mult, MatMult, Div, Mod,
                      FloorDiv, Pow };

// left <op> right.  MicroPython keeps a chain like a+b-c as one node; here it is left-nested
// ((a+b)-c) and every link has the line of the chain's first token.  ** is right-nested.
struct BinOp {
    BinaryOp op;
    ExprPtr left;
    ExprPtr right;
};

enum class UnaryOpKind { Plus, Minus, Invert, Not };

// +x, -x, ~x, not x.  line: the operator's line.
struct UnaryOp {
    UnaryOpKind op;
    ExprPtr operand;
};

// a or b or c / a and b and c, flat as MicroPython keeps it (after dropping folded operands).
struct BoolOp {
    bool is_or = false;  // false: and
    std::vector<ExprPtr> values;  // >= 2
};

enum class CmpOp { Lt, Gt, Eq, LtE, GtE, NotEq, In, NotIn, Is, IsNot };

// left op0 c0 op1 c1 ...  (chained comparison)
struct Compare {
    ExprPtr left;
    std::vector<CmpOp> ops;
    std::vector<ExprPtr> comparators;  // same size as ops
};

// body if test else orelse.  line: first token of body; if_line: the `if` keyword's line.
struct IfExp {
    ExprPtr body;
    ExprPtr test;
    ExprPtr orelse;
    int if_line = 0;
};

// A parameter of a def or lambda, in source order, unvalidated (the compiler reports
// "non-default argument follows default argument" etc.).
struct Param {
    enum class Kind {
        Normal,   // name [: annotation] [= default]
        Star,     // *name [: annotation], or a bare `*` (name empty) starting keyword-only params
        DoubleStar  // **name [: annotation]
    };
    Kind kind = Kind::Normal;
    std::string name;
    ExprPtr annotation;     // null if none (lambda params never have one)
    ExprPtr default_value;  // null if none
    Pos pos;
    int line = 0;  // line of the parameter's first token
};

// lambda params: body.  line: the `lambda` keyword's line.
struct Lambda {
    std::vector<Param> params;
    ExprPtr body;
};

// target := value.  target is normally a Name (the compiler checks).
struct NamedExpr {
    ExprPtr target;
    ExprPtr value;
};

// *value in a tuple/list display or an assignment target.  line: the `*`'s line.
struct Starred {
    ExprPtr value;
};

// await value.  line: the `await` keyword's line.
struct Await {
    ExprPtr value;
};

// yield [value] / yield from value.  line: the `yield` keyword's line.
struct Yield {
    bool is_from = false;
    ExprPtr value;  // null for a bare `yield`
};

// value.attr.  line: the line of the first token of the whole trailer chain (a in a.b.c);
// dot_line: the line of the `.`.
struct Attribute {
    ExprPtr value;
    std::string attr;
    int dot_line = 0;
};

// lower:upper[:step], only directly inside a Subscript index (or a Tuple that is one).
// line: line of the slice's first token; colon_line: line of its first `:`.
struct Slice {
    ExprPtr lower;  // each may be null
    ExprPtr upper;
    ExprPtr step;
    bool has_second_colon = false;  // x[a:b:] vs x[a:b]
    int colon_line = 0;
};

// value[index].  index is a Slice, a Tuple (possibly of Slices), a folded Constant tuple, or any
// expression.  line: first token of the whole trailer chain; bracket_line: line of the `[`.
struct Subscript {
    ExprPtr value;
    ExprPtr index;
    int bracket_line = 0;
};

// One argument of a call (or of a class's base list / a decorator call), in source order.
struct Argument {
    enum class Kind {
        Positional,  // value (a GeneratorExp for f(x for x in y))
        Star,        // *value
        DoubleStar,  // **value
        Keyword      // keyword=value; `keyword` is the left side as parsed (normally a Name; the
                     // compiler reports "LHS of keyword arg must be an id" otherwise)
    };
    Kind kind = Kind::Positional;
    ExprPtr keyword;
    ExprPtr value;
    Pos pos;
    // The line MicroPython records for the argument's own node: the keyword's line for Keyword,
    // the `*`/`**`'s line for Star/DoubleStar, 0 for Positional (its expression has its own).
    int line = 0;
};

// func(args).  line: first token of the whole trailer chain; paren_line: line of the `(`;
// args_line: line of the first argument when MicroPython builds an argument-list node (two or
// more arguments, or a trailing comma), else 0.
struct Call {
    ExprPtr func;
    std::vector<Argument> args;
    int paren_line = 0;
    int args_line = 0;
};

// A tuple that is not a constant: (a, b), a, b, (), (a,), x[a, b].
// line: for a parenthesised tuple the `(`'s line, else the first element's line.
// items_line: for a parenthesised tuple, the line of MicroPython's inner list node: the first
// element's line, except with three or more elements (or two and a trailing comma), where it is
// the line of the element after the first comma; 0 for ().  A folded constant tuple is a
// Constant (line = that same items_line when parenthesised), not a Tuple.
struct Tuple {
    std::vector<ExprPtr> elts;
    bool parenthesised = false;
    int items_line = 0;
};

// [a, b].  line: the `['s line.  items_line: line of MicroPython's inner list node when there
// is one (a comma), computed as for Tuple; else 0.
struct List {
    std::vector<ExprPtr> elts;
    int items_line = 0;
};

// One item of a {...} display: `key: value` (dict item) or `key` alone (set item, value null).
struct BraceItem {
    ExprPtr key;
    ExprPtr value;
    Pos pos;
    int line = 0;  // line of the item's first token
};

// {...}: a dict or set display, items in source order, possibly mixed (the compiler decides from
// the first item and reports "expecting key:value for dict" etc.).  {} has no items (a dict).
// line: the `{`'s line; items_line: first item's line when there are two or more items or a
// trailing comma, else 0.
struct DictOrSet {
    std::vector<BraceItem> items;
    int items_line = 0;
};

// `if cond` inside a comprehension.  line: the `if` keyword's line.
struct ComprehensionIf {
    ExprPtr test;
    int line = 0;
};

// `for target in iter [if ...]*` inside a comprehension.  line: the `for` keyword's line.
struct ComprehensionFor {
    ExprPtr target;
    ExprPtr iter;
    std::vector<ComprehensionIf> ifs;
    int line = 0;
};

// [elt for ...], {elt for ...}, {key: value for ...}, (elt for ...) and f(elt for ...).
// line: the opening bracket's line; 0 for a bare generator argument f(x for x in y), which
// MicroPython compiles without recording a line.  items_line: line of the element's first token
// (MicroPython's inner node).
struct Comprehension {
    enum class Kind { List, Set, Dict, Generator };
    Kind kind = Kind::List;
    ExprPtr elt;    // the element; for Dict the key
    ExprPtr value;  // Dict only
    std::vector<ComprehensionFor> generators;  // >= 1
    int items_line = 0;
};

struct Expr {
    Expr() = default;
    Expr(Expr&&) = default;
    Expr& operator=(Expr&&) = default;
    // Destroys sub-expressions iteratively, so that very deep trees cannot overflow the stack.
    ~Expr();

    Pos pos;
    int line = 0;
    // The expression was written inside parentheses that MicroPython dropped (a parenthesised
    // single expression, e.g. `(a.b)` in `(a.b)(c)`, which then is not a method call).  Not set
    // for displays that keep their parentheses (tuples, generator expressions).
    bool parenthesised = false;
    std::variant<Name, Constant, BinOp, UnaryOp, BoolOp, Compare, IfExp, Lambda, NamedExpr,
                 Starred, Await, Yield, Attribute, Slice, Subscript, Call, Tuple, List, DictOrSet,
                 Comprehension>
        node;

    template <class T> T* as() { return std::get_if<T>(&node); }
    template <class T> const T* as() const { return std::get_if<T>(&node); }
    template <class T> bool is() const { return std::holds_alternative<T>(node); }
};

// ---------------------------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------------------------

// A sequence of statements (a module, a block, or the simple statements after a colon).
// line: the line MicroPython's statement-list node records before the first statement (its first
// token's line) when MicroPython builds such a node (two or more statements), else 0.
struct Suite {
    std::vector<StmtPtr> stmts;
    int line = 0;
};

// An expression evaluated for effect (calls, yields, ...).  Lone constants became Pass.
struct ExprStmt {
    ExprPtr value;
};

// t1 = t2 = ... = value.  targets in source order (>= 1).  value may be a Yield.
struct Assign {
    std::vector<ExprPtr> targets;
    ExprPtr value;
};

// target op= value.
struct AugAssign {
    ExprPtr target;
    BinaryOp op;
    ExprPtr value;
};

// target: annotation [= value]
struct AnnAssign {
    ExprPtr target;
    ExprPtr annotation;
    ExprPtr value;  // null if none
};

// del target  (a Tuple for `del a, b`).
struct Delete {
    ExprPtr target;
};

// pass; also what lone constant expression statements and `_X = const(...)` become (line 0 for
// the latter, as in MicroPython).
struct Pass {};
struct Break {};
struct Continue {};

// return [value]
struct Return {
    ExprPtr value;  // null if none
};

// raise [exc [from cause]]
struct Raise {
    ExprPtr exc;    // null for a bare raise
    ExprPtr cause;  // null if no `from`
};

struct Global {
    std::vector<std::string> names;
};
struct Nonlocal {
    std::vector<std::string> names;
};

// assert test [, msg]
struct Assert {
    ExprPtr test;
    ExprPtr msg;  // null if none
};

// import a.b.c [as d], ...
struct ImportAlias {
    std::vector<std::string> dotted;  // ["a", "b", "c"]
    std::string asname;               // empty if no `as`
    Pos pos;
};
struct Import {
    std::vector<ImportAlias> names;
};

// from [.]*module import name [as alias], ... | *
struct ImportFromName {
    std::string name;
    std::string asname;  // empty if no `as`
    Pos pos;
};
struct ImportFrom {
    int level = 0;                    // number of leading dots (`...` counts 3)
    std::vector<std::string> module;  // dotted module name, empty for `from . import x`
    bool star = false;                // from m import *
    std::vector<ImportFromName> names;
};

struct ElifClause {
    ExprPtr test;
    Suite body;
    Pos pos;
    int line = 0;  // the `elif` keyword's line
};

// if test: body [elif ...]* [else: orelse]
struct If {
    ExprPtr test;
    Suite body;
    std::vector<ElifClause> elifs;
    bool has_else = false;
    Suite orelse;
};

// while test: body [else: orelse]
struct While {
    ExprPtr test;
    Suite body;
    bool has_else = false;
    Suite orelse;
};

// [async] for target in iter: body [else: orelse]
struct For {
    bool is_async = false;
    ExprPtr target;
    ExprPtr iter;
    Suite body;
    bool has_else = false;
    Suite orelse;
};

// except [type [as name]]: body
struct ExceptHandler {
    ExprPtr type;      // null for a bare `except:`
    std::string name;  // empty if no `as`
    Suite body;
    Pos pos;
    int line = 0;  // the `except` keyword's line
};

// try: body (except ...)* [else: ...] [finally: ...]
struct Try {
    Suite body;
    std::vector<ExceptHandler> handlers;
    bool has_else = false;
    Suite orelse;
    bool has_finally = false;
    Suite finalbody;
};

// [async] with item, ...: body
struct WithItem {
    ExprPtr context;
    ExprPtr target;  // null if no `as`
    Pos pos;
};
struct With {
    bool is_async = false;
    std::vector<WithItem> items;
    Suite body;
};

// @dotted.name[(args)] — MicroPython's grammar allows only this form.
struct Decorator {
    std::vector<std::string> dotted;  // ["micropython", "native"]
    bool has_call = false;
    std::vector<Argument> args;       // when has_call
    int paren_line = 0;               // line of the `(` when has_call
    Pos pos;
    int line = 0;  // the `@`'s line
};

// [decorators] [async] def name(params) [-> returns]: body
// Stmt::line is the line of the first token (the first `@` if decorated, `async` if async);
// def_line is the `def` keyword's line, async_line the `async` keyword's (0 if not async).
struct FunctionDef {
    std::string name;
    std::vector<Param> params;
    ExprPtr returns;  // null if no annotation
    Suite body;
    std::vector<Decorator> decorators;
    bool is_async = false;
    int def_line = 0;
    int async_line = 0;
};

// [decorators] class name[(bases)]: body.  class_line: the `class` keyword's line.
struct ClassDef {
    std::string name;
    bool has_parens = false;
    std::vector<Argument> bases;  // positional bases and keywords (metaclass=...) in source order
    Suite body;
    std::vector<Decorator> decorators;
    int class_line = 0;
};

struct Stmt {
    Stmt() = default;
    Stmt(Stmt&&) = default;
    Stmt& operator=(Stmt&&) = default;
    // Destroys nested statements iteratively (deeply nested blocks cannot overflow the stack).
    ~Stmt();

    Pos pos;
    int line = 0;
    // When this statement starts a `;`-separated group of simple statements on one line,
    // MicroPython's group node records this line before the statement's own; else 0.
    int group_line = 0;
    std::variant<ExprStmt, Assign, AugAssign, AnnAssign, Delete, Pass, Break, Continue, Return,
                 Raise, Global, Nonlocal, Assert, Import, ImportFrom, If, While, For, Try, With,
                 FunctionDef, ClassDef>
        node;

    template <class T> T* as() { return std::get_if<T>(&node); }
    template <class T> const T* as() const { return std::get_if<T>(&node); }
    template <class T> bool is() const { return std::holds_alternative<T>(node); }
};

// A whole source file.
struct Module {
    Suite body;
    std::string filename;
};

}  // namespace mpy::ast
