// Parser: tree shapes, constant folding, const(), f-strings, t-strings, lines, and errors (class +
// line).  Every expectation below was checked against mpy-cross 1.27 (its bytecode via
// mpy-tool.py -d, or its error output), and against 1.28 where the default (1.28) is used;
// expectations that differ between them name the release.
#include "compiler/frontend/parser.h"

#include <gtest/gtest.h>

#include <string>

#include "common/diagnostics.h"
#include "compiler/frontend/ast_dump.h"

namespace mpy {
namespace {

std::string parse(std::string_view src, bool lines = false, ParseOptions options = {}) {
    return ast::dump(parse_module(src, "t.py", options), lines);
}

// The value of `x = <expr>`, as dumped.
std::string value_of(const std::string& expr, ParseOptions options = {}) {
    ast::Module m = parse_module("x = " + expr + "\n", "t.py", options);
    const auto* assign = m.body.stmts.at(0)->as<ast::Assign>();
    if (assign == nullptr) return "not an assignment";
    return ast::dump(*assign->value);
}

ParseOptions compat(CompatVersion version) {
    ParseOptions options;
    options.compat = version;
    return options;
}

std::string error_of(std::string_view src, ParseOptions options = {}) {
    try {
        parse_module(src, "t.py", options);
    } catch (const DiagnosticError& e) {
        return e.diagnostic().kind + ": " + e.diagnostic().message + " @" + std::to_string(e.diagnostic().where.line);
    }
    return "no error";
}

TEST(FrontendParser, StatementShapes) {
    EXPECT_EQ(parse("a = b = c\n"), "[(Assign (Name a) (Name b) = (Name c))]");
    EXPECT_EQ(parse("a += 1\n"), "[(AugAssign (Name a) += (Const 1))]");
    EXPECT_EQ(parse("a: int = 1\n"), "[(AnnAssign (Name a) (Name int) (Const 1))]");
    EXPECT_EQ(parse("del a, b\n"), "[(Del (Tuple (Name a) (Name b)))]");
    EXPECT_EQ(parse("import a.b as c, d\n"), "[(Import a.b as c d)]");
    EXPECT_EQ(parse("from ...a import (b as c, d,)\n"), "[(ImportFrom ...a b as c d)]");
    EXPECT_EQ(parse("from . import *\n"), "[(ImportFrom . *)]");
    EXPECT_EQ(parse("global a, b\n"), "[(Global a b)]");
    EXPECT_EQ(parse("assert a, 'm'\n"), "[(Assert (Name a) (Const q'm'))]");
    EXPECT_EQ(parse("raise E from e\n"), "[(Raise (Name E) (Name e))]");
    EXPECT_EQ(parse("x = yield\n"), "[(Assign (Name x) = (Yield _))]");
    EXPECT_EQ(parse("*a, b = c\n"), "[(Assign (Tuple (Starred (Name a)) (Name b)) = (Name c))]");
}

TEST(FrontendParser, CompoundShapes) {
    EXPECT_EQ(parse("if a:\n b\nelif c:\n d\nelse:\n e\n"),
              "[(If (Name a) [(Expr (Name b))] elif (Name c) [(Expr (Name d))] else [(Expr (Name e))])]");
    EXPECT_EQ(parse("for a, b in c:\n pass\nelse:\n pass\n"), "[(For (Tuple (Name a) (Name b)) in (Name c) [(Pass)] else [(Pass)])]");
    EXPECT_EQ(parse("try:\n a\nexcept E as e:\n b\nexcept:\n c\nelse:\n d\nfinally:\n f\n"),
              "[(Try [(Expr (Name a))] except (Name E) as e [(Expr (Name b))] except _ [(Expr (Name c))] else "
              "[(Expr (Name d))] finally [(Expr (Name f))])]");
    EXPECT_EQ(parse("with a as b, c:\n pass\n"), "[(With (Name a) as (Name b) (Name c) [(Pass)])]");
    EXPECT_EQ(parse("@micropython.native\n@d(1)\ndef f(a, b: int = 1, *c, d, **e) -> int: pass\n"),
              "[(Def @micropython.native @d( (Const 1)) f(a b:(Name int)=(Const 1) *c d **e) -> (Name int) [(Pass)])]");
    EXPECT_EQ(parse("async def f():\n async with a: pass\n async for x in y: pass\n await z\n"),
              "[(AsyncDef f() [(AsyncWith (Name a) [(Pass)]) (AsyncFor (Name x) in (Name y) [(Pass)]) (Expr (Await (Name z)))])]");
    EXPECT_EQ(parse("class A(B, metaclass=M): pass\n"), "[(Class A( (Name B) (Name metaclass)=(Name M)) [(Pass)])]");
    EXPECT_EQ(parse("def f(*, a): pass\n"), "[(Def f(* a) [(Pass)])]");
}

TEST(FrontendParser, ExpressionShapes) {
    EXPECT_EQ(value_of("a if b else c"), "(IfExp (Name a) (Name b) (Name c))");
    EXPECT_EQ(value_of("lambda a, *b, c=1: a"), "(Lambda (a *b c=(Const 1)) (Name a))");
    EXPECT_EQ(value_of("a < b <= c not in d is not e"),
              "(Compare (Name a) < (Name b) <= (Name c) not-in (Name d) is-not (Name e))");
    EXPECT_EQ(value_of("a or b or c"), "(Or (Name a) (Name b) (Name c))");
    EXPECT_EQ(value_of("a - b - c"), "(BinOp - (BinOp - (Name a) (Name b)) (Name c))");
    EXPECT_EQ(value_of("a ** b ** c"), "(BinOp ** (Name a) (BinOp ** (Name b) (Name c)))");
    EXPECT_EQ(value_of("-a ** 2"), "(UnaryOp - (BinOp ** (Name a) (Const 2)))");
    EXPECT_EQ(value_of("a.b(c, *d, e=f, **g)[1:2, ::3]"),
              "(Subscript (Call (Attribute (Name a) b) (Name c) *(Name d) (Name e)=(Name f) **(Name g)) "
              "(Tuple (Slice (Const 1) (Const 2) _) (Slice _ _ (Const 3) ::)))");
    EXPECT_EQ(value_of("[x for x in y if x for z in x]"), "(ListComp (Name x) for (Name x) in (Name y) if (Name x) for (Name z) in (Name x))");
    EXPECT_EQ(value_of("{k: v for k in d}"), "(DictComp (Name k):(Name v) for (Name k) in (Name d))");
    EXPECT_EQ(value_of("{a, b}"), "(Brace (Name a) (Name b))");
    EXPECT_EQ(value_of("{a: 1, b}"), "(Brace (Name a):(Const 1) (Name b))");  // the compiler rejects the mix
    EXPECT_EQ(value_of("f(x for x in y)"), "(Call (Name f) (GenExp (Name x) for (Name x) in (Name y)))");
    EXPECT_EQ(value_of("(x := 5)"), "(NamedExpr (Name x) (Const 5))");
    EXPECT_EQ(value_of("f(a.b=1)"), "(Call (Name f) (Attribute (Name a) b)=(Const 1))");
    EXPECT_EQ(value_of("[*a, b]"), "(List (Starred (Name a)) (Name b))");
    EXPECT_EQ(value_of("()"), "(PTuple)");
}

TEST(FrontendParser, ConstantFolding) {
    EXPECT_EQ(value_of("1 + 2 * 3 - 4"), "(Const 3)");
    EXPECT_EQ(value_of("2 ** 100"), "(Const:obj 1267650600228229401496703205376L)");
    EXPECT_EQ(value_of("1 << 30"), "(Const:obj 1073741824L)");  // beyond 31-bit small ints
    EXPECT_EQ(value_of("-(1 << 30)"), "(Const -1073741824)");
    EXPECT_EQ(value_of("7 // -2"), "(Const -4)");
    EXPECT_EQ(value_of("-7 % 2"), "(Const 1)");
    EXPECT_EQ(value_of("1 / 2"), "(Const:obj 0.5)");
    EXPECT_EQ(value_of("2 ** -1"), "(Const:obj 0.5)");
    EXPECT_EQ(value_of("~5"), "(Const -6)");
    EXPECT_EQ(value_of("-1 & 0xff"), "(Const 255)");
    EXPECT_EQ(value_of("(-5) | (1 << 80)"), "(Const -5)");
    EXPECT_EQ(value_of("(-5) ^ (1 << 80)"), "(Const:obj -1208925819614629174706181L)");
    EXPECT_EQ(value_of("1e300 * 1e300"), "(Const:obj inf)");
    EXPECT_EQ(value_of("-7.5 // 2"), "(Const:obj -4)");
    EXPECT_EQ(value_of("0.1 + 0.2"), "(Const:obj 0.30000000000000004)");
    EXPECT_EQ(value_of("math.pi"), "(Const:obj 3.1415926535897931)");
    // Not folded: errors, complex results, non-numbers, partial chains.
    EXPECT_EQ(value_of("1 / 0"), "(BinOp / (Const 1) (Const 0))");
    EXPECT_EQ(value_of("1 << -1"), "(BinOp << (Const 1) (Const -1))");
    EXPECT_EQ(value_of("(-8) ** 0.5"), "(BinOp ** (Const -8) (Const:obj 0.5))");
    EXPECT_EQ(value_of("3 @ 4"), "(BinOp @ (Const 3) (Const 4))");
    EXPECT_EQ(value_of("~1.5"), "(UnaryOp ~ (Const:obj 1.5))");
    EXPECT_EQ(value_of("1 + 2 + x"), "(BinOp + (BinOp + (Const 1) (Const 2)) (Name x))");
    EXPECT_EQ(value_of("1 + 2j"), "(BinOp + (Const 1) (Const:obj (0+2j)))");
    EXPECT_EQ(value_of("math.sqrt"), "(Attribute (Name math) sqrt)");
    EXPECT_EQ(value_of("True + 1"), "(BinOp + (Const True) (Const 1))");
}

TEST(FrontendParser, SmallIntBitsDecideLeavesAndObjects) {
    ParseOptions wide;
    wide.small_int_bits = 63;
    EXPECT_EQ(value_of("1 << 40", wide), "(Const 1099511627776)");
    EXPECT_EQ(value_of("1 << 62", wide), "(Const:obj 4611686018427387904L)");
    EXPECT_EQ(value_of("1073741823"), "(Const 1073741823)");
    EXPECT_EQ(value_of("1073741824"), "(Const:obj 1073741824L)");
    EXPECT_EQ(value_of("-1073741824"), "(Const -1073741824)");
}

// mpy-cross folds on a 64-bit host whose small ints are [-2**62, 2**62): 2**62 is an mpz there,
// unary -, ~, + on an mpz stay mpz objects even back in that range, binary ops normalise.  So at
// 63/64 target bits -(2**62) is an int object but -(2**62) + 0 a small int (checked with mpy-cross
// 1.27 -msmall-int-bits=63, 64 and 31).
TEST(FrontendParser, UnaryOpsOnHostBigIntsStayObjects) {
    for (int bits : {63, 64}) {
        ParseOptions wide;
        wide.small_int_bits = bits;
        SCOPED_TRACE(bits);
        EXPECT_EQ(value_of("-4611686018427387904", wide), "(Const:obj -4611686018427387904L)");
        EXPECT_EQ(value_of("-(2 ** 62)", wide), "(Const:obj -4611686018427387904L)");
        EXPECT_EQ(value_of("-0x4000000000000000", wide), "(Const:obj -4611686018427387904L)");
        EXPECT_EQ(value_of("+(-(2**62))", wide), "(Const:obj -4611686018427387904L)");
        EXPECT_EQ(value_of("~(-(2**62))", wide), "(Const:obj 4611686018427387903L)");
        EXPECT_EQ(value_of("-(~(-(2**62)))", wide), "(Const:obj -4611686018427387903L)");
        EXPECT_EQ(value_of("~(~(-(2**62)))", wide), "(Const:obj -4611686018427387904L)");
        EXPECT_EQ(value_of("-(2**62) ** 1", wide), "(Const:obj -4611686018427387904L)");
        EXPECT_EQ(value_of("-(-(2**62))", wide), "(Const:obj 4611686018427387904L)");
        // Binary operators normalise an mpz result that fits the host small int.
        EXPECT_EQ(value_of("(2**62) - 1", wide), "(Const 4611686018427387903)");
        EXPECT_EQ(value_of("2**62 - 2**62", wide), "(Const 0)");
        EXPECT_EQ(value_of("-(2**62) + 0", wide), "(Const -4611686018427387904)");
        EXPECT_EQ(value_of("0 + -(2**62)", wide), "(Const -4611686018427387904)");
        EXPECT_EQ(value_of("-(2**62) >> 0", wide), "(Const -4611686018427387904)");
        EXPECT_EQ(value_of("~(-(2**62)) - 0", wide), "(Const 4611686018427387903)");
        EXPECT_EQ(value_of("-(2**63) + 2**62", wide), "(Const -4611686018427387904)");
        // Unary ops on host small ints give small ints.
        EXPECT_EQ(value_of("-4611686018427387903", wide), "(Const -4611686018427387903)");
        EXPECT_EQ(value_of("~(2**62-1)", wide), "(Const -4611686018427387904)");
        // const() keeps the host object: substituted it stays an object, `+ 0` normalises it.
        EXPECT_EQ(parse("_A = const(-(2**62))\nx = _A\ny = _A + 0\nz = -~_A\n", false, wide),
                  "[(Pass) (Assign (Name x) = (Const:obj -4611686018427387904L)) "
                  "(Assign (Name y) = (Const -4611686018427387904)) "
                  "(Assign (Name z) = (Const:obj -4611686018427387903L))]");
    }
    // With 31 bits none of these fits the target anyway; only 0 is a leaf.
    EXPECT_EQ(value_of("-(2**62)"), "(Const:obj -4611686018427387904L)");
    EXPECT_EQ(value_of("-(2**62) + 0"), "(Const:obj -4611686018427387904L)");
    EXPECT_EQ(value_of("2**62 - 2**62"), "(Const 0)");
}

TEST(FrontendParser, LogicalFolding) {
    EXPECT_EQ(value_of("not 0"), "(Const True)");
    EXPECT_EQ(value_of("not (1,)"), "(Const False)");
    EXPECT_EQ(value_of("not ()"), "(Const True)");
    EXPECT_EQ(value_of("0 or x"), "(Name x)");
    EXPECT_EQ(value_of("x or 0"), "(Or (Name x) (Const 0))");
    EXPECT_EQ(value_of("x or 1 or y"), "(Or (Name x) (Const 1))");
    EXPECT_EQ(value_of("'a' or x"), "(Const q'a')");
    EXPECT_EQ(value_of("1 and 2 and x"), "(Name x)");
    EXPECT_EQ(value_of("x and 0 and y"), "(And (Name x) (Const 0))");
}

TEST(FrontendParser, TupleFolding) {
    EXPECT_EQ(value_of("(1, 2)"), "(Const:obj (1, 2))");
    EXPECT_EQ(value_of("1, (2, ()), 'abc', None"), "(Const:obj (1, (2, ()), q'abc', None))");
    EXPECT_EQ(value_of("(1,)"), "(Const:obj (1,))");
    EXPECT_EQ(value_of("(1, x)"), "(PTuple (Const 1) (Name x))");
    EXPECT_EQ(value_of("[1, 2]"), "(List (Const 1) (Const 2))");  // lists never fold
    EXPECT_EQ(value_of("a[1, 2]"), "(Subscript (Name a) (Const:obj (1, 2)))");
    EXPECT_EQ(parse("for x in 1, 2:\n pass\n"), "[(For (Name x) in (Const:obj (1, 2)) [(Pass)])]");
    EXPECT_EQ(parse("return 1, 2\n"), "[(Return (Const:obj (1, 2)))]");
    EXPECT_EQ(parse("del (a, b)\n"), "[(Del (PTuple (Name a) (Name b)))]");
}

TEST(FrontendParser, StringsAndInterning) {
    EXPECT_EQ(value_of("'abcdefghij'"), "(Const q'abcdefghij')");      // 10 bytes: a qstr
    EXPECT_EQ(value_of("'abcdefghijk'"), "(Const:obj s'abcdefghijk')");  // 11 bytes: an object
    EXPECT_EQ(value_of("'NotImplementedError'"), "(Const q'NotImplementedError')");  // built-in qstr
    EXPECT_EQ(value_of("'a' 'b'"), "(Const q'ab')");
    EXPECT_EQ(value_of("b'abc'"), "(Const:obj b'abc')");
    // A long string is a qstr only if the same text was interned before it.
    EXPECT_EQ(parse("x = 'longer_name_x'\nlonger_name_x = 1\ny = 'longer_name_x'\n"),
              "[(Assign (Name x) = (Const:obj s'longer_name_x')) (Assign (Name longer_name_x) = (Const 1)) "
              "(Assign (Name y) = (Const q'longer_name_x'))]");
    ParseOptions with_path;
    with_path.preinterned.push_back("dir/some_file.py");
    EXPECT_EQ(value_of("'dir/some_file.py'", with_path), "(Const q'dir/some_file.py')");
}

TEST(FrontendParser, FStrings) {
    EXPECT_EQ(value_of("f'a{x!r:>{w}}b{y=}'"),
              "(Call (Attribute (Const:obj s'a{!r:>{}}by={}') format) (Name x) (Name w) (Name y))");
    EXPECT_EQ(value_of("f'{a,b}'"), "(Call (Attribute (Const q'{}') format) (PTuple (Name a) (Name b)))");
    EXPECT_EQ(value_of("f'plain'"), "(Call (Attribute (Const q'plain') format))");
    // An empty field: 1.27 formats an empty tuple, 1.28 rejects it.
    EXPECT_EQ(value_of("f'{}'", compat(CompatVersion::V1_27)), "(Call (Attribute (Const q'{}') format) (PTuple))");
    EXPECT_EQ(error_of("x = f'{}'\n"), "SyntaxError: malformed f-string @1");
    EXPECT_EQ(error_of("x = 1\ny = f'a{ }' f'{}'\n"), "SyntaxError: malformed f-string @2");
    // The character after a field or "{{" may close the literal in 1.28; 1.27 takes it as text.
    EXPECT_EQ(value_of("f'{{'"), "(Call (Attribute (Const q'{{') format))");
    EXPECT_EQ(error_of("x = f'{{'\n", compat(CompatVersion::V1_27)), "SyntaxError: invalid syntax @1");
}

TEST(FrontendParser, NestedFStrings) {
    // 1.28 injects a nested f-string's arguments in front of the outer ones.
    EXPECT_EQ(value_of("f'a{f\"b{x}\"}c'"),
              "(Call (Attribute (Const q'a{}c') format) (Call (Attribute (Const q'b{}') format) (Name x)))");
    // 1.27 appends them to the very text being injected: here the outer call gets them instead.
    EXPECT_EQ(value_of("f'a{f\"b{x}\"}c'", compat(CompatVersion::V1_27)),
              "(Tuple (Call (Call (Attribute (Const q'a{}c') format) (Const q'b{}')) (Name x)))");
}

TEST(FrontendParser, TStringsCallTemplate) {
    // t'...' is __template__(parts, value, source text, conversion, format spec, ...).
    EXPECT_EQ(value_of("t'a{x}b'"),
              "(Call (Name __template__) (Const:obj (q'a', q'b')) (Name x) (Const q'x') (Const None) (Const q''))");
    EXPECT_EQ(value_of("t'{x!r:>4}'"),
              "(Call (Name __template__) (Const:obj (q'', q'')) (Name x) (Const q'x') (Const q'r') (Const q'>4'))");
    // '=' keeps the text and asks for repr unless a spec is given; a spec with fields is an f-string.
    EXPECT_EQ(value_of("t'{x=}'"),
              "(Call (Name __template__) (Const:obj (q'x=', q'')) (Name x) (Const q'x') (Const q'r') (Const q''))");
    EXPECT_EQ(value_of("t'{x:{w}}'"),
              "(Call (Name __template__) (Const:obj (q'', q'')) (Name x) (Const q'x') (Const None) "
              "(Call (Attribute (Const q'{}') format) (Name w)))");
    // Escapes are kept and the parts lexed again; "{{" and "}}" are single braces.
    EXPECT_EQ(value_of("rt'\\n{{}}'"), "(Call (Name __template__) (Const:obj (q'\\\\n{}',)))");
    EXPECT_EQ(value_of("t'\\x41\\n'"), "(Call (Name __template__) (Const:obj (q'A\\x0a',)))");
    // Past 63 fields, the interpolations go in one tuple (a call takes at most 255 arguments).
    std::string many = "t'";
    for (int i = 0; i < 64; ++i) many += "{x}";
    const std::string wrapped = value_of(many + "'");
    EXPECT_NE(wrapped.find("q'')) (PTuple (Name x) (Const q'x') (Const None) (Const q'') (Name x)"), std::string::npos);
    // 1.27 has no t-strings: t is a name.
    EXPECT_EQ(error_of("x = t'a'\n", compat(CompatVersion::V1_27)), "SyntaxError: invalid syntax @1");
}

TEST(FrontendParser, TStringErrors) {
    EXPECT_EQ(error_of("x = t'{}'\n"), "SyntaxError: malformed f-string @1");
    EXPECT_EQ(error_of("x = t'{  }'\n"), "SyntaxError: malformed f-string @1");  // spaces trimmed
    EXPECT_EQ(error_of("x = t'a}'\n"), "SyntaxError: malformed f-string @1");
    EXPECT_EQ(error_of("x = t'{x:{w}'\n"), "SyntaxError: malformed f-string @1");
    EXPECT_EQ(error_of("x = t'{x'\n"), "SyntaxError: malformed f-string @1");
    EXPECT_EQ(error_of("x = b'a' t'b'\n"), "SyntaxError: invalid syntax @1");
}

TEST(FrontendParser, TemplateQstrsAreBuiltInFrom128) {
    // A string longer than 10 bytes is a qstr only if it already is one: 1.28 has these.
    EXPECT_EQ(value_of("'format_spec'"), "(Const q'format_spec')");
    EXPECT_EQ(value_of("'format_spec'", compat(CompatVersion::V1_27)), "(Const:obj s'format_spec')");
}

TEST(FrontendParser, ConstNames) {
    EXPECT_EQ(parse("from micropython import const\n_A = const(1 << 4)\nB = const(_A + 1)\nx = _A + B\n"),
              "[(ImportFrom micropython const) (Pass) (Assign (Name B) = (Const 17)) (Assign (Name x) = (Const 33))]");
    // Any value that is constant after folding; a substituted non-small-int is a constant object.
    EXPECT_EQ(parse("_S = const('s')\n_N = const(None)\n_T = const((1, 2))\nx = (_S, _N, _T)\n"),
              "[(Pass) (Pass) (Pass) (Assign (Name x) = (Const:obj (q's', None, (1, 2))))]");
    EXPECT_EQ(parse("_N = const(None)\nf(_N)\n"), "[(Pass) (Expr (Call (Name f) (Const:obj None)))]");
    EXPECT_EQ(parse("_B = const(1 << 40)\nf(_B)\n", true), "[@1 (Pass@0) (Expr@2 (Call@2 (Name f) (Const@2:obj 1099511627776L)))]");
    // Only in value positions: attributes and parameters keep the name.
    EXPECT_EQ(parse("_A = const(1)\ndef f(_A): return o._A\n"), "[(Pass) (Def f(_A) [(Return (Attribute (Name o) _A))])]");
    // Assigning to a const name later assigns to the constant (a compile error downstream).
    EXPECT_EQ(parse("A = const(1)\nA = 2\n"), "[(Assign (Name A) = (Const 1)) (Assign (Const 1) = (Const 2))]");
    // Not a single plain assignment: no const handling.
    EXPECT_EQ(parse("a = b = const(1)\n"), "[(Assign (Name a) (Name b) = (Call (Name const) (Const 1)))]");
    EXPECT_EQ(error_of("x = const(y)\n"), "SyntaxError: not a constant @1");
    EXPECT_EQ(error_of("x = const()\n"), "SyntaxError: not a constant @1");
    EXPECT_EQ(error_of("x = const(1,)\n"), "SyntaxError: not a constant @1");
    EXPECT_EQ(error_of("x = \\\n  const(1, 2)\n"), "SyntaxError: not a constant @2");
}

TEST(FrontendParser, LoneConstantStatementsBecomePass) {
    EXPECT_EQ(parse("'''doc'''\n1\n(1, 2)\n-5\nx\n()\n", true), "[@1 (Pass@1) (Pass@2) (Pass@3) (Pass@4) (Expr@5 (Name x)) (Expr@6 (PTuple@6))]");
}

TEST(FrontendParser, LinesOfNodes) {
    // Float objects record their token's line; small ints and names record none.
    EXPECT_EQ(parse("y = (\n\n1.5)\n", true), "[(Assign@1 (Name y) = (Const@3:obj 1.5))]");
    EXPECT_EQ(parse("y = (1,\n2)\n", true), "[(Assign@1 (Name y) = (Const@1:obj (1, 2)))]");
    EXPECT_EQ(parse("y = (1,\n2,\n3)\n", true), "[(Assign@1 (Name y) = (Const@2:obj (1, 2, 3)))]");
    EXPECT_EQ(parse("f(a)(\nb)\n", true), "[(Expr@1 (Call@1 (Call@1 (Name f) (Name a)) (Name b)))]");
    // Statement groups and blocks record the line of their first statement.
    EXPECT_EQ(parse("a; b\nc\n", true), "[@1 (Expr@1g1 (Name a)) (Expr@1 (Name b)) (Expr@2 (Name c))]");
    EXPECT_EQ(parse("if x:\n a\n b\n", true), "[(If@1 (Name x) [@2 (Expr@2 (Name a)) (Expr@3 (Name b))])]");
    EXPECT_EQ(parse("# comment\nx\n", true), "[@1 (Expr@2 (Name x))]");
}

TEST(FrontendParser, ParenthesisedFlag) {
    ast::Module m = parse_module("(a.b)(c)\na.b(c)\n", "t.py");
    const auto* call1 = m.body.stmts[0]->as<ast::ExprStmt>()->value->as<ast::Call>();
    const auto* call2 = m.body.stmts[1]->as<ast::ExprStmt>()->value->as<ast::Call>();
    ASSERT_TRUE(call1 && call2);
    EXPECT_TRUE(call1->func->parenthesised);
    EXPECT_FALSE(call2->func->parenthesised);
}

TEST(FrontendParser, Errors) {
    EXPECT_EQ(error_of("if x:\n    a\n  b\n"), "IndentationError: unindent doesn't match any outer indent level @2");
    EXPECT_EQ(error_of("  x = 1\n"), "IndentationError: unexpected indent @1");
    EXPECT_EQ(error_of("x = 1\n    y = 2\n"), "IndentationError: unexpected indent @2");
    EXPECT_EQ(error_of("x = (1,\n2,\n=3)\n"), "SyntaxError: invalid syntax @3");
    EXPECT_EQ(error_of("x = 123abc\n"), "SyntaxError: invalid syntax for integer with base 10: '123abc' @1");
    EXPECT_EQ(error_of("x = 0x\n"), "SyntaxError: invalid syntax for integer with base 16: '' @1");
    EXPECT_EQ(error_of("x = 09\n"), "SyntaxError: invalid syntax for integer with base 0: '09' @1");
    EXPECT_EQ(error_of("x = 1e\n"), "SyntaxError: invalid syntax for number @1");
    EXPECT_EQ(error_of("x = \"abc\n"), "SyntaxError: invalid syntax @1");
    EXPECT_EQ(error_of("x = 'a' b'b'\n"), "SyntaxError: invalid syntax @1");
    EXPECT_EQ(error_of("@foo.bar[1]\ndef f(): pass\n"), "SyntaxError: invalid syntax @1");
    EXPECT_EQ(error_of("x := 1\n"), "SyntaxError: invalid syntax @1");
    EXPECT_EQ(error_of("x = '\\N{DASH}'\n"), "NotImplementedError: unicode name escapes @0");
    EXPECT_EQ(error_of(std::string(300, 'x') + " = 1\n"), "RuntimeError: name too long @0");
    EXPECT_EQ(error_of("def f(:\n  pass\n"), "SyntaxError: invalid syntax @1");
    EXPECT_EQ(error_of("a not b\n"), "SyntaxError: invalid syntax @1");
    EXPECT_EQ(error_of("x = [i async for i in y]\n"), "SyntaxError: invalid syntax @1");
    EXPECT_EQ(error_of("x = 1 if y\nz\n"), "SyntaxError: invalid syntax @1");
    EXPECT_EQ(error_of("if x:\ny\n"), "SyntaxError: invalid syntax @2");
    EXPECT_EQ(error_of("f(**a, *b)\n"), "no error");  // a compile-stage error in mpy-cross
    // A NUL inside a nested f-string's field ends the injected ".format(...)" text early
    // (found by frontend_fuzz; mpy-cross gives the same error).
    EXPECT_EQ(error_of(std::string("x = f\"a{f\"a{b!rw\0\0}d}c{d=}\":>{xw&=", 34), compat(CompatVersion::V1_27)),
              "SyntaxError: invalid syntax @1");
    EXPECT_EQ(error_of(std::string("x = f\"a{f\"a{b!rw\0\0}d}c{d=}\":>{xw&=", 34)), "SyntaxError: invalid syntax @1");
    // A nested f-string whose field never ends at nesting 0 feeds the injected text to itself:
    // mpy-cross runs out of heap, and so must we, quickly (found by frontend_fuzz as a hang).
    EXPECT_EQ(error_of("x = f\"a{b!= f\"a{b!!r:b!!r:>{w}}r:>{w]r:>{w}}pc{d!}\"", compat(CompatVersion::V1_27)),
              "MemoryError:  @0");
    // 1.28 injects into a buffer of its own: an ordinary syntax error.
    EXPECT_EQ(error_of("x = f\"a{b!= f\"a{b!!r:b!!r:>{w}}r:>{w]r:>{w}}pc{d!}\""), "SyntaxError: invalid syntax @1");
}

TEST(FrontendParser, DeepNestingIsAnErrorNotACrash) {
    std::string deep = "x = " + std::string(3000, '[') + std::string(3000, ']') + "\n";
    EXPECT_NO_THROW(parse_module(deep, "t.py"));
    ParseOptions shallow;
    shallow.max_nesting = 100;
    try {
        parse_module(deep, "t.py", shallow);
        FAIL() << "expected an error";
    } catch (const DiagnosticError& e) {
        EXPECT_EQ(e.diagnostic().kind, "MemoryError");
    }
    std::string unary = "x = " + std::string(5000, '-') + "y\n";
    EXPECT_NO_THROW(parse_module(unary, "t.py"));
}

TEST(FrontendParser, DeepTreesAreDestroyedWithoutRecursion) {
    // ~9000 levels of nested lists and blocks, destroyed on this (normal-sized) stack.
    std::string lists = "x = " + std::string(9000, '[') + std::string(9000, ']') + "\n";
    EXPECT_NO_THROW({ ast::Module m = parse_module(lists, "t.py"); });
    std::string blocks;
    for (int i = 0; i < 3000; ++i) blocks += std::string(static_cast<size_t>(i), ' ') + "if x:\n";
    blocks += std::string(3000, ' ') + "pass\n";
    EXPECT_NO_THROW({ ast::Module m = parse_module(blocks, "t.py"); });
}

}  // namespace
}  // namespace mpy
