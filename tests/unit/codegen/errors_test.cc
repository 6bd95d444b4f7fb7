// Compile errors (raised by the code generator, not the parser): exception kind, message, line and
// the scope named in the traceback, exactly as mpy-cross 1.27.0 reports them (expected values
// taken from mpy-cross 1.27.0 on these sources, compiled as "t.py").
#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "common/diagnostics.h"
#include "compiler/compiler.h"
#include "tests/unit/compile_diagnostic.h"

namespace mpy {
namespace {

struct ErrorCase {
    const char* source;
    const char* kind;
    const char* message;
    int line;
    const char* scope;
};

const ErrorCase kErrorCases[] = {
    {"def f():\n    del 1\n", "SyntaxError", "can't delete expression", 1, "f"},
    {"def f():\n    x=1\n    del 1\n", "SyntaxError", "can't delete expression", 3, "f"},
    {"x = [1,\n  2]\n[a, b] = 1, 2\nf(a=1,\n b)\n", "SyntaxError", "positional arg after keyword arg", 4, "<module>"},
    {"def f(a=1,\n b):\n  pass\n", "SyntaxError", "non-default argument follows default argument", 1, "<module>"},
    {"def f(a=1,\n b:int):\n  pass\n", "SyntaxError", "non-default argument follows default argument", 2, "<module>"},
    {"class C:\n  return 1\n", "SyntaxError", "'return' outside function", 2, "C"},
    {"def f():\n  nonlocal x\n", "SyntaxError", "no binding for nonlocal found", 2, "f"},
    {"x = (y for y in z)\nlambda: (yield)\n[(yield) for x in y]\n", "SyntaxError", "'yield' outside function", 3, "<listcomp>"},
    {"f(**a, *b)\n", "SyntaxError", "* arg after **", 1, "<module>"},
    {"def f(*, a, *b): pass\n", "SyntaxError", "invalid syntax", 1, "f"},
    {"from a import *\ndef f():\n  from b import *\n", "SyntaxError", "import * not at module level", 3, "f"},
    {"f() = 1\n", "SyntaxError", "can't assign to expression", 1, "<module>"},
    {"a.f() = 1\n", "SyntaxError", "can't assign to expression", 1, "<module>"},
    {"(a, b) += 1\n", "SyntaxError", "can't assign to expression", 1, "<module>"},
    {"[a, *b, *c] = d\n", "SyntaxError", "multiple *x in assignment", 1, "<module>"},
    {"x = *a\n", "SyntaxError", "*x must be assignment target", 1, "<module>"},
    {"nonlocal x\n", "SyntaxError", "can't declare nonlocal in outer code", 1, "<module>"},
    {"def f(x):\n  global x\n", "SyntaxError", "identifier redefined as global", 2, "f"},
    {"def f():\n  x = 1\n  global x\n", "SyntaxError", "identifier redefined as global", 3, "f"},
    {"def f():\n  global x\n  nonlocal x\n", "SyntaxError", "identifier redefined as nonlocal", 3, "f"},
    {"def f(a, a): pass\n", "SyntaxError", "argument name reused", 1, "f"},
    {"def f(**a, b): pass\n", "SyntaxError", "invalid syntax", 1, "f"},
    {"try:\n  pass\nexcept:\n  pass\nexcept ValueError:\n  pass\n", "SyntaxError", "default 'except' must be last", 3, "<module>"},
    {"f(a.b=1)\n", "SyntaxError", "LHS of keyword arg must be an id", 1, "<module>"},
    {"f(**a, b)\n", "SyntaxError", "positional arg after **", 1, "<module>"},
    {"x = {1:2, 3}\n", "SyntaxError", "expecting key:value for dict", 1, "<module>"},
    {"x = {1, 2:3}\n", "SyntaxError", "expecting just a value for set", 1, "<module>"},
    {"class A:\n  def f():\n    super().f()\n", "SyntaxError", "super() can't find self", 3, "f"},
    {"@micropython.foo\ndef f(): pass\n", "SyntaxError", "invalid micropython decorator", 1, "<module>"},
    {"@micropython.native\ndef f(): pass\n", "SyntaxError", "invalid arch", 1, "<module>"},
    {"@micropython\ndef f(): pass\n", "SyntaxError", "invalid micropython decorator", 1, "<module>"},
    {"@micropython.asm_thumb\ndef f(): pass\n", "SyntaxError", "invalid arch", 1, "<module>"},
    {"await x\n", "SyntaxError", "'await' outside function", 1, "<module>"},
    {"def f():\n  async for x in y: pass\n", "SyntaxError", "async for/with outside async function", 2, "f"},
    {"async def f():\n  [await x for x in y]\n", "SyntaxError", "'await' outside function", 2, "<listcomp>"},
    {"(x for x in y) = 1\n", "SyntaxError", "can't assign to expression", 1, "<module>"},
    {"[x for x in y] = 1\n", "SyntaxError", "can't assign to expression", 1, "<module>"},
    {"() = 1\n", "SyntaxError", "can't assign to expression", 1, "<module>"},
    {"del (x for x in y)\n", "SyntaxError", "can't delete expression", 1, "<module>"},
    {"del [a, b]\n", "SyntaxError", "can't delete expression", 1, "<module>"},
    {"del ()\n", "SyntaxError", "can't delete expression", 1, "<module>"},
    {"del f()\n", "SyntaxError", "can't delete expression", 1, "<module>"},
    {"x = 1\nwhile x:\n  pass\nelse:\n  break\n", "SyntaxError", "'break'/'continue' outside loop", 5, "<module>"},
    {"for x in y:\n  def f():\n    continue\n", "SyntaxError", "'break'/'continue' outside loop", 3, "f"},
    {"x := 1\n", "SyntaxError", "invalid syntax", 1, ""},
    {"(a.b := 1)\n", "SyntaxError", "can't assign to expression", 1, "<module>"},
};

class CodegenErrors : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(CodegenErrors, ReportsLikeMpyCross) {
    const ErrorCase& c = GetParam();
    CompileOptions o;
    o.source_name = "t.py";
    try {
        compile_to_mpy(c.source, o);
        FAIL() << "no error for:\n" << c.source;
    } catch (const DiagnosticError& e) {
        const Diagnostic& d = e.diagnostic();
        EXPECT_EQ(d.kind, c.kind) << c.source;
        EXPECT_EQ(d.message, c.message) << c.source;
        EXPECT_EQ(d.where.line, c.line) << c.source;
        EXPECT_EQ(d.where.file, "t.py");
        EXPECT_EQ(d.scope, c.scope) << c.source;
    }
}

INSTANTIATE_TEST_SUITE_P(Sources, CodegenErrors, ::testing::ValuesIn(kErrorCases));

using test::compile_diagnostic;

// Every architecture with an inline assembler has one in mpyc now; what is left are mpy-cross's own
// refusals, on the decorator's line: an asm_* name it does not know, and an inline assembler for
// an architecture that has none (x64) or, in 1.27, xtensawin.
TEST(CodegenNative, InlineAssemblerRefusalsAreMpyCrossOwnErrors) {
    const std::string unknown = "x = 1\n@micropython.asm_mips\ndef f():\n    nop()\n";
    const std::string rv32 = "x = 1\n@micropython.asm_rv32\ndef f():\n    c_nop()\n";
    for (const char* arch : {"rv32imc", "x64"}) {
        const Diagnostic d = compile_diagnostic(unknown, arch, CompatVersion::V1_28);
        EXPECT_EQ(d.kind, "SyntaxError");
        EXPECT_EQ(d.message, "invalid micropython decorator");
        EXPECT_EQ(d.where.line, 2);
    }
    const Diagnostic x64 = compile_diagnostic(rv32, "x64", CompatVersion::V1_28);
    EXPECT_EQ(x64.kind, "SyntaxError");
    EXPECT_EQ(x64.message, "invalid arch");
    EXPECT_EQ(x64.where.line, 2);
    const Diagnostic win127 = compile_diagnostic(rv32, "xtensawin", CompatVersion::V1_27);
    EXPECT_EQ(win127.message, "invalid arch");
    EXPECT_EQ(win127.where.line, 2);
    // The decorator's name does not choose the instruction set: -march does (as in mpy-cross).
    const Diagnostic win128 = compile_diagnostic(rv32, "xtensawin", CompatVersion::V1_28);
    EXPECT_EQ(win128.message, "unsupported Xtensa instruction 'c_nop' with 0 arguments");
    EXPECT_EQ(win128.where.line, 3);
}

TEST(CodegenNative, AsmRv32IsAssembled) {
    CompileOptions o;
    o.source_name = "t.py";
    o.arch = "rv32imc";
    const std::string mpy = compile_to_mpy("@micropython.asm_rv32\ndef f(a0):\n    c_addi(a0, 1)\n", o);
    // c.addi a0, 1 then c.jr ra, little-endian, at the end of the function's code.
    EXPECT_NE(mpy.find(std::string("\x05\x05\x82\x80", 4)), std::string::npos);
}

// rv64imc: mpy-cross has no native emitter for it and says "invalid arch" at the function.
TEST(CodegenNative, Rv64NativeIsInvalidArchAsInMpyCross) {
    CompileOptions o;
    o.source_name = "t.py";
    o.arch = "rv64imc";
    try {
        compile_to_mpy("x = 1\n@micropython.native\ndef f():\n    pass\n", o);
        FAIL() << "accepted native code for rv64imc";
    } catch (const DiagnosticError& e) {
        EXPECT_EQ(e.diagnostic().kind, "SyntaxError");
        EXPECT_EQ(e.diagnostic().message, "invalid arch");
    }
}

// Left-associative chains are not bounded by the parser's bracket nesting; codegen recursion is
// capped instead.  mpy-cross itself gives MemoryError at about 65,000 terms of `+`.
TEST(CodegenLimits, VeryLongChainsAreAMemoryErrorNotACrash) {
    CompileOptions o;
    o.source_name = "t.py";
    auto chain = [](int terms) {
        std::string src = "x = a";
        for (int i = 1; i < terms; ++i) src += "+a";
        return src + "\n";
    };
    EXPECT_NO_THROW(compile_to_mpy(chain(50000), o));
    try {
        compile_to_mpy(chain(150000), o);
        FAIL() << "a 150,000-term chain compiled";
    } catch (const DiagnosticError& e) {
        EXPECT_EQ(e.diagnostic().kind, "MemoryError");
    }
}

// free_memory = false (mpyc's single-file mode) only skips freeing: the bytes are the same.
TEST(CompileApi, KeepingMemoryGivesTheSameBytes) {
    CompileOptions o;
    o.source_name = "t.py";
    const char* src = "def f(a, b=2):\n    return [a * i for i in range(b)]\nprint(f(3))\n";
    const std::string freed = compile_to_mpy(src, o);
    o.free_memory = false;
    EXPECT_EQ(compile_to_mpy(src, o), freed);
    EXPECT_FALSE(freed.empty());
}

// @micropython.bytecode keeps plain bytecode even under an architecture.
TEST(CodegenNative, BytecodeDecoratorCompiles) {
    CompileOptions o;
    o.source_name = "t.py";
    o.arch = "armv7m";
    EXPECT_NO_THROW(compile_to_mpy("@micropython.bytecode\ndef f():\n    pass\n", o));
}

}  // namespace
}  // namespace mpy
