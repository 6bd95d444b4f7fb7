// Whole-module tests: drive the BytecodeEmitter exactly as the code generator would for a tiny program
// (scope pass over every scope, then the code pass per scope) and compare the complete .mpy
// with what the reference compiler wrote.  These pin down qstr and constant numbering across
// passes, children order, prelude fields, line tables and stack sizes together.
#include <functional>
#include <limits>

#include <gtest/gtest.h>

#include "common/diagnostics.h"
#include "compiler/bytecode/bytecode_emitter.h"
#include "tests/unit/emitter/emitter_test_util.h"

namespace mpy {
namespace {

using emitter_test::float_const;
using emitter_test::module_hex;
using emitter_test::str_const;

ScopeSignature module_signature() {
    ScopeSignature s;
    s.simple_name = "<module>";
    return s;
}

TEST(EmitterProgram, StraightLineModule) {
    // from mpy-cross 1.27.0 for: "x = 1\ny = 2\n\n\nprint(x)\n" (file a.py)
    const char* expected =
        "4d06001f050008612e7079000f0278000279008177812008060123638116028216031104110234015951"
        "63";
    ModuleBuilder mb("a.py");
    BytecodeEmitter e(mb);
    e.begin_scope_pass(0, "<module>");
    e.load_small_int(1);
    e.load_small_int(2);
    e.call_function(1, 0, false);
    e.pop_top();
    e.load_none();
    e.return_value();
    e.end_scope_pass();

    e.begin_code_pass(0, module_signature());
    e.set_source_line(1);
    e.load_small_int(1);
    e.store_name("x");
    e.set_source_line(2);
    e.load_small_int(2);
    e.store_name("y");
    e.set_source_line(5);
    e.load_name("print");
    e.load_name("x");
    e.call_function(1, 0, false);
    e.pop_top();
    e.load_none();
    e.return_value();
    e.end_code_pass();
    EXPECT_EQ(module_hex(mb), expected);
}

TEST(EmitterProgram, WhileLoopJumps) {
    // from mpy-cross 1.27.0 for: "i = 0\nwhile i < 10:\n    i += 1\n" (file w.py)
    const char* expected =
        "4d06001f030008772e7079000f026900814008060123228016024246110281e5160211028ad743345163";
    ModuleBuilder mb("w.py");
    BytecodeEmitter e(mb);
    auto body = [&](bool code) {
        if (code) e.set_source_line(1);
        e.load_small_int(0);
        if (code) e.store_name("i");
        if (code) e.set_source_line(2);
        Label top = e.new_label(), cont = e.new_label(), brk = e.new_label();
        e.jump(cont);
        e.label(top);
        if (code) e.set_source_line(3);
        if (code) e.load_name("i");
        e.load_small_int(1);
        e.binary_op(BinaryOp::InplaceAdd);
        if (code) e.store_name("i");
        e.label(cont);
        if (code) e.set_source_line(2);
        if (code) e.load_name("i");
        e.load_small_int(10);
        e.binary_op(BinaryOp::Less);
        e.pop_jump_if(true, top);
        e.label(brk);
        e.load_none();
        e.return_value();
    };
    e.begin_scope_pass(0, "<module>");
    body(false);
    e.end_scope_pass();
    e.begin_code_pass(0, module_signature());
    body(true);
    e.end_code_pass();
    EXPECT_EQ(module_hex(mb), expected);
}

TEST(EmitterProgram, FunctionWithDefaultsQstrAndConstantOrder) {
    // from mpy-cross 1.27.0 for (file t1.py):
    //   import os
    //   def f(a, b=1):
    //       return a.path + 'xy' + 'long string here'
    //   s = f(os, 2.5)
    // qstr order: scope pass registers <module>, os, then f, path, xy (f's scope pass); the code
    // passes add s, then a, b.  Constants: 2.5 (module scope pass) before the long string.
    const char* expected =
        "4d06001f09020a74312e7079000f046f7300026600087061746800047879000273000261000262000803"
        "322e3505106c6f6e6720737472696e67206865726500817c100601264880511b021602812a0153330016"
        "031103110223003402160651630181089a010803070840b013041005f22301f263";
    ModuleBuilder mb("t1.py");
    BytecodeEmitter e(mb);
    auto module_body = [&](bool code) {
        if (code) e.set_source_line(1);
        e.load_small_int(0);
        e.load_none();
        e.import_name("os");
        if (code) e.store_name("os");
        if (code) e.set_source_line(2);
        e.load_small_int(1);
        e.build_tuple(1);
        e.load_null();
        e.make_function(1, 1, 0);
        if (code) e.store_name("f");
        if (code) e.set_source_line(4);
        if (code) e.load_name("f");
        if (code) e.load_name("os");
        e.load_const_obj(float_const(2.5));
        e.call_function(2, 0, false);
        if (code) e.store_name("s");
        e.load_none();
        e.return_value();
    };
    auto f_body = [&](bool code) {
        if (code) e.set_source_line(3);
        if (code) e.load_fast(0);
        e.load_attr("path");
        e.load_const_str("xy");
        e.binary_op(BinaryOp::Add);
        e.load_const_obj(str_const("long string here"));
        e.binary_op(BinaryOp::Add);
        e.return_value();
        e.load_none();
        e.return_value();
    };
    e.begin_scope_pass(0, "<module>");
    module_body(false);
    e.end_scope_pass();
    e.begin_scope_pass(1, "f");
    f_body(false);
    e.end_scope_pass();

    e.begin_code_pass(0, module_signature());
    module_body(true);
    e.end_code_pass();
    ScopeSignature f;
    f.simple_name = "f";
    f.num_pos_args = 2;
    f.num_def_pos_args = 1;
    f.num_locals = 2;
    f.arg_names = {"a", "b"};
    e.begin_code_pass(1, f);
    f_body(true);
    e.end_code_pass();
    EXPECT_EQ(module_hex(mb), expected);
}

TEST(EmitterProgram, ClosureClassAndGenerator) {
    // from mpy-cross 1.27.0 for (file t2.py):
    //   def outer(n):
    //       def inner():
    //           return n
    //       return inner
    //   class C:
    //       def m(self):
    //           yield self
    // Scopes in discovery order: module 0, outer 1, C 2, inner 3, m 4.  inner closes over n, so
    // it has one positional argument named "*"; outer's n is a cell (closure section byte 0).
    const char* expected =
        "4d06001f0c000a74322e7079000f0243000a6f75746572000a696e6e657200026d00026e002f2d350b82"
        "1381241006016420320016035432011002340216025163027411090306204500b0200001c1b163014009"
        "06040a40250063811c000602684011071608100216093200160551630160894008050b6060b067595163";
    ModuleBuilder mb("t2.py");
    BytecodeEmitter e(mb);
    auto module_body = [&](bool code) {
        if (code) e.set_source_line(1);
        e.make_function(1, 0, 0);
        if (code) e.store_name("outer");
        if (code) e.set_source_line(5);
        e.load_build_class();
        e.make_function(2, 0, 0);
        e.load_const_str("C");
        e.call_function(2, 0, false);
        if (code) e.store_name("C");
        e.load_none();
        e.return_value();
    };
    auto outer_body = [&](bool code) {
        if (code) e.set_source_line(2);
        if (code) {
            e.load_fast(0);  // the cell holding n
            e.make_closure(3, 1, 0, 0);
            e.store_fast(1);
        } else {
            e.make_function(3, 0, 0);  // free variables are unknown during the scope pass
        }
        if (code) e.set_source_line(4);
        if (code) e.load_fast(1);
        e.return_value();
        e.load_none();
        e.return_value();
    };
    auto class_body = [&](bool code) {
        if (code) e.load_name("__name__");
        if (code) e.store_name("__module__");
        e.load_const_str("C");
        if (code) e.store_name("__qualname__");
        if (code) e.set_source_line(6);
        e.make_function(4, 0, 0);
        if (code) e.store_name("m");
        e.load_none();
        e.return_value();
    };
    auto inner_body = [&](bool code) {
        if (code) e.set_source_line(3);
        if (code) e.load_deref(0);
        e.return_value();
        e.load_none();
        e.return_value();
    };
    auto m_body = [&](bool code) {
        if (code) e.set_source_line(7);
        if (code) e.load_fast(0);
        e.yield_value();
        e.pop_top();
        e.load_none();
        e.return_value();
    };
    struct Scope {
        const char* name;
        std::function<void(bool)> body;
        ScopeSignature sig;
    };
    ScopeSignature outer_sig{EmitKind::Bytecode, "outer", 0, 1, 0, 0, 2, {"n"}, {0}};
    ScopeSignature class_sig{EmitKind::Bytecode, "C", 0, 0, 0, 0, 0, {}, {}};
    ScopeSignature inner_sig{EmitKind::Bytecode, "inner", 0, 1, 0, 0, 1, {"*"}, {}};
    ScopeSignature m_sig{EmitKind::Bytecode, "m", 0, 1, 0, 0, 1, {"self"}, {}};
    std::vector<Scope> scopes = {{"<module>", module_body, module_signature()},
                                 {"outer", outer_body, outer_sig},
                                 {"C", class_body, class_sig},
                                 {"inner", inner_body, inner_sig},
                                 {"m", m_body, m_sig}};
    for (std::size_t i = 0; i < scopes.size(); ++i) {
        e.begin_scope_pass(static_cast<std::uint32_t>(i), scopes[i].name);
        scopes[i].body(false);
        e.end_scope_pass();
    }
    EXPECT_TRUE(mb.is_generator(4));
    EXPECT_FALSE(mb.is_generator(1));
    for (std::size_t i = 0; i < scopes.size(); ++i) {
        e.begin_code_pass(static_cast<std::uint32_t>(i), scopes[i].sig);
        scopes[i].body(true);
        e.end_code_pass();
    }
    EXPECT_EQ(module_hex(mb), expected);
}

TEST(EmitterProgram, DeadCodeStillNumbersQstrsAndCountsStackAndLines) {
    // from mpy-cross 1.27.0 for (file t5.py):
    //   def f():
    //       return 1
    //       g.attr = h
    //   x = f
    // The unreachable line 3 writes no code, but h and g still get qstr indices (after x), its
    // line still enters the line table (at offset 2), and its stack use still counts (n_state 2).
    const char* expected =
        "4d06001f07000a74352e7079000f02660008617474720002780002680002670074000401643200160211"
        "0216045163013808060220228163";
    ModuleBuilder mb("t5.py");
    BytecodeEmitter e(mb);
    auto module_body = [&](bool code) {
        if (code) e.set_source_line(1);
        e.make_function(1, 0, 0);
        if (code) e.store_name("f");
        if (code) e.set_source_line(4);
        if (code) e.load_name("f");
        if (code) e.store_name("x");
        e.load_none();
        e.return_value();
    };
    auto f_body = [&](bool code) {
        if (code) e.set_source_line(2);
        e.load_small_int(1);
        e.return_value();
        if (code) e.set_source_line(3);
        if (code) e.load_global("h");
        if (code) e.load_global("g");
        e.store_attr("attr");
        e.load_none();
        e.return_value();
    };
    e.begin_scope_pass(0, "<module>");
    module_body(false);
    e.end_scope_pass();
    e.begin_scope_pass(1, "f");
    f_body(false);
    e.end_scope_pass();
    e.begin_code_pass(0, module_signature());
    module_body(true);
    e.end_code_pass();
    ScopeSignature f;
    f.simple_name = "f";
    e.begin_code_pass(1, f);
    f_body(true);
    e.end_code_pass();
    EXPECT_EQ(module_hex(mb), expected);
}

TEST(EmitterProgram, NanConstantsFollowObjectIdentity) {
    // from mpy-cross 1.27.0 for (file nan3.py):
    //   a = math.nan
    //   b = math.nan
    //   c = -math.nan
    //   d = -math.nan
    // math.nan is one static object (one entry); each folded -math.nan is its own object, used
    // by the scope pass and again by the code pass (one entry each, not two).
    const char* expected =
        "4d06001f06030e6e616e332e7079000f02610002620002630002640008036e616e08036e616e08036e61"
        "6e8140000801242424230016022300160323011604230216055163";
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const ast::ConstValue a = float_const(nan), b = float_const(nan);
    const ast::ConstValue c = float_const(-nan), d = float_const(-nan);
    ModuleBuilder mb("nan3.py");
    BytecodeEmitter e(mb);
    auto body = [&](bool code) {
        const ast::ConstValue* values[] = {&a, &b, &c, &d};
        const char* names[] = {"a", "b", "c", "d"};
        for (int i = 0; i < 4; ++i) {
            if (code) e.set_source_line(i + 1);
            e.load_const_obj(*values[i]);
            if (code) e.store_name(names[i]);
        }
        e.load_none();
        e.return_value();
    };
    e.begin_scope_pass(0, "<module>");
    body(false);
    e.end_scope_pass();
    e.begin_code_pass(0, module_signature());
    body(true);
    e.end_code_pass();
    EXPECT_EQ(module_hex(mb), expected);
}

TEST(EmitterProgram, OptimisationLevel3DropsLineTable) {
    // from mpy-cross 1.27.0 -O3 for: "x = 1\ny = 2\n\n\nprint(x)\n" (file a.py)
    const char* expected =
        "4d06001f050008612e7079000f027800027900817781100802018116028216031104110234015951"
        "63";
    ModuleBuilder mb("a.py");
    BytecodeEmitter e(mb, EmitterOptions{.line_numbers = false});
    e.begin_scope_pass(0, "<module>");
    e.end_scope_pass();
    e.begin_code_pass(0, module_signature());
    e.set_source_line(1);
    e.load_small_int(1);
    e.store_name("x");
    e.set_source_line(2);
    e.load_small_int(2);
    e.store_name("y");
    e.set_source_line(5);
    e.load_name("print");
    e.load_name("x");
    e.call_function(1, 0, false);
    e.pop_top();
    e.load_none();
    e.return_value();
    e.end_code_pass();
    EXPECT_EQ(module_hex(mb), expected);
}

TEST(EmitterProgram, ScopePassIgnoresLayoutButCodePassNeedsEveryLabel) {
    ModuleBuilder mb("x.py");
    BytecodeEmitter e(mb);
    e.begin_code_pass(0, module_signature());
    Label never = e.new_label();
    e.jump(never);
    EXPECT_THROW(e.end_code_pass(), DiagnosticError);
}

}  // namespace
}  // namespace mpy
