// Encodings the emitter produces: small-int arguments, local and qstr indices, the line-number
// table and the prelude, each compared with bytes the reference compiler wrote.
#include <algorithm>
#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "common/diagnostics.h"
#include "common/mpy_format.h"
#include "common/opcodes.h"
#include "common/float_text.h"
#include "compiler/bytecode/emit_bytecode.h"
#include "compiler/bytecode/bytecode_emitter.h"
#include "tests/unit/emitter/emitter_test_util.h"

namespace mpy {
namespace {

using emitter_test::to_hex;

// The opcodes of a module-level body emitted by `body` (prelude stripped), as hex.
template <typename F>
std::string module_opcodes(F body) {
    ModuleBuilder mb("t.py");
    BytecodeEmitter e(mb);
    ScopeSignature sig;
    sig.simple_name = "<module>";
    e.begin_code_pass(0, sig);
    body(e);
    e.end_code_pass();
    const auto& code = mb.code_of(0);
    const Prelude p = parse_prelude(code);
    return to_hex(std::vector<std::uint8_t>(code.begin() + p.offset_opcodes, code.end()));
}

TEST(EmitEncoding, SmallIntBoundaries) {
    // from mpy-cross 1.27.0 for "x = N" with each N (LOAD_CONST_SMALL_INT's argument bytes):
    struct Case {
        std::int64_t value;
        const char* hex;
    } cases[] = {
        {-16, "70"},         {47, "af"},          {-17, "226f"},       {48, "2230"},
        {63, "223f"},        {64, "228040"},      {-64, "2240"},       {-65, "22ff3f"},
        {8191, "22bf7f"},    {8192, "2280c000"},  {-8192, "22c000"},   {-8193, "22ffbf7f"},
        {1073741823, "2283ffffff7f"},             {-1073741824, "22fc80808000"},
    };
    for (const Case& c : cases) {
        std::string expected = c.hex;
        expected.erase(std::remove(expected.begin(), expected.end(), ' '), expected.end());
        EXPECT_EQ(module_opcodes([&](BytecodeEmitter& e) { e.load_small_int(c.value); }).substr(0, expected.size()),
                  expected)
            << c.value;
    }
}

TEST(EmitEncoding, LocalsAndCounts) {
    auto hex = module_opcodes([](BytecodeEmitter& e) {
        e.load_fast(15);
        e.load_fast(16);
        e.store_fast(15);
        e.store_fast(200);
        e.delete_fast(3);
        e.load_deref(2);
        e.build_list(130);
        e.call_method(1, 2, false);
        e.call_function(0, 0, true);
        e.unpack_ex(1, 2);
        e.store_comp(CompKind::Dict, 4);
        e.store_comp(CompKind::Set, 4);
        e.store_comp(CompKind::List, 4);
    });
    EXPECT_EQ(hex,
              "bf" "2410" "cf" "268148" "2803" "2502" "2b8102" "368401" "3500" "318401"
              "2f15" "2f12" "2f10");
}

TEST(EmitEncoding, NotInAndIsNotAreTwoOpcodes) {
    auto hex = module_opcodes([](BytecodeEmitter& e) {
        e.binary_op(BinaryOp::In, true);
        e.binary_op(BinaryOp::Is, true);
        e.binary_op(BinaryOp::Power);
    });
    // BINARY_OP 6 <in>, UNARY_OP 3 <not>, BINARY_OP 7 <is>, UNARY_OP 3, BINARY_OP 34
    EXPECT_EQ(hex, "ddd3ded3f9");
}

TEST(EmitEncoding, BreakOutOfForLoop) {
    auto hex = module_opcodes([](BytecodeEmitter& e) {
        Label end = e.new_label();
        e.unwind_jump(end, 0, true);   // 4 POP_TOPs then JUMP
        e.label(end);
        Label end2 = e.new_label();
        e.unwind_jump(end2, 2, true);  // UNWIND_JUMP with extra byte 0x82
        e.label(end2);
    });
    EXPECT_EQ(hex, "59595959" "4240" "404182");
}

std::string line_table(std::size_t bytes, std::size_t lines) {
    std::vector<std::uint8_t> out;
    append_line_info(out, bytes, lines);
    return to_hex(out);
}

TEST(EmitEncoding, LineTablePacking) {
    // Entries seen in mpy-cross 1.27.0 output: "x = (a, b, c, d, e, f, g)" then a statement 8
    // lines later gives 72 60 40 (18 bytes); a 44-byte line then +3 lines gives 1f 6d; a 3-byte
    // line then +3000 lines gives f3 ff b0 b9.
    EXPECT_EQ(line_table(18, 8), "726040");
    EXPECT_EQ(line_table(44, 3), "1f6d");
    EXPECT_EQ(line_table(3, 3000), "f3ffb0b9");
    EXPECT_EQ(line_table(3, 1), "23");
    EXPECT_EQ(line_table(4, 4), "6420");       // short form while lines <= 6
    EXPECT_EQ(line_table(0, 6), "6060");
    EXPECT_EQ(line_table(0, 7), "8007");       // long form once lines > 6 and bytes <= 15
    EXPECT_EQ(line_table(15, 2047), "ffff");
    EXPECT_EQ(line_table(15, 2048), "ffff20");
    EXPECT_EQ(line_table(16, 8), "706040");    // 16 bytes: too many for the long form
    EXPECT_EQ(line_table(5, 5000), "f5fff0ffb08a");
    EXPECT_EQ(line_table(62, 0), "1f1f");      // bytes only (never emitted alone, but packs)
}

TEST(EmitEncoding, LineTableFromReferenceProgram) {
    // from mpy-cross 1.27.0 for "x = 1\n" + 2999 blank lines + "y = 2\n" (file lt1.py): the
    // module's function data.
    ModuleBuilder mb("lt1.py");
    BytecodeEmitter e(mb);
    ScopeSignature sig;
    sig.simple_name = "<module>";
    e.begin_code_pass(0, sig);
    e.set_source_line(1);
    e.load_small_int(1);
    e.store_name("x");
    e.set_source_line(3001);
    e.load_small_int(2);
    e.store_name("y");
    e.load_none();
    e.return_value();
    e.end_code_pass();
    EXPECT_EQ(to_hex(mb.code_of(0)), "000a01f3ffb0b98116028216035163");
}

TEST(EmitEncoding, PreludeSizeFieldUsesTwoBytesPast63) {
    // A long line table makes n_info 64+: the size field takes two bytes (xIIIIIIC groups).
    ModuleBuilder mb("t.py");
    BytecodeEmitter e(mb);
    ScopeSignature sig;
    sig.simple_name = "<module>";
    e.begin_code_pass(0, sig);
    for (int line = 2; line < 2 + 70; ++line) {
        e.set_source_line(line);
        e.load_none();
        e.pop_top();
    }
    e.load_none();
    e.return_value();
    e.end_code_pass();
    const auto& code = mb.code_of(0);
    const Prelude p = parse_prelude(code);
    EXPECT_EQ(p.size.n_info, 1u + 70u);  // simple name + one entry per line
    EXPECT_EQ(p.offset_source_info - p.offset_size, 2u);
    EXPECT_EQ(code.size(), p.offset_opcodes + 70 * 2 + 2);
}

TEST(EmitEncoding, FloatReprMatchesReference) {
    // Texts mpy-cross 1.27.0 stored for these literals (parsed the way MicroPython parses them).
    struct Case {
        const char* literal;
        const char* repr;
    } cases[] = {
        {"0.1", "0.1"},
        {"1e100", "1e+100"},
        {"0.3333333333333333", "0.3333333333333333"},
        {"1.5", "1.5"},
        {"123456789012345678.0", "1.2345678901234568e+17"},
        {"1e-7", "1e-07"},
        {"5e-324", "4.940656458412465e-324"},
        {"1e15", "1000000000000000.0"},
        {"1e16", "1e+16"},
        {"1234567890123456.7", "1234567890123456.8"},
        {"0.0001", "0.0001"},
        {"0.00012345", "0.00012345"},
        {"0.00001", "1e-05"},
        {"1e999", "inf"},
        {"0.0", "0.0"},
        {"1.7976931348623157e308", "1.7976931348623157e+308"},
        {"100.0", "100.0"},
        {"1e22", "1e+22"},
        {"0.30000000000000004", "0.30000000000000004"},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(float_repr(parse_decimal_like_micropython(c.literal)), c.repr) << c.literal;
    }
    EXPECT_EQ(float_repr(-0.0), "-0.0");
    EXPECT_EQ(complex_repr(0, 2), "2j");
    EXPECT_EQ(complex_repr(0, 1.5e300), "1.5e+300j");
    EXPECT_EQ(complex_repr(0, 0), "0j");
    EXPECT_EQ(complex_repr(1, -2), "(1-2j)");
}

TEST(EmitEncoding, ConstantTableDeduplication) {
    using emitter_test::float_const;
    using emitter_test::int_const;
    using emitter_test::str_const;
    ModuleBuilder mb("t.py");
    EXPECT_EQ(mb.use_constant(float_const(1.0)), 0u);
    EXPECT_EQ(mb.use_constant(int_const("12345678901234567890")), 1u);
    EXPECT_EQ(mb.use_constant(float_const(1.0)), 0u);
    EXPECT_EQ(mb.use_constant(float_const(0.0)), 2u);
    EXPECT_EQ(mb.use_constant(float_const(-0.0)), 3u);  // signed zeros stay apart
    // math.nan is one static object (same entry each time, as mpy-cross 1.27.0 does for
    // tests/float/math_constants_extra.py); a folded -math.nan is a new object every time.
    const double nan = std::numeric_limits<double>::quiet_NaN();
    EXPECT_EQ(mb.use_constant(float_const(nan)), 4u);
    EXPECT_EQ(mb.use_constant(float_const(-nan)), 5u);
    EXPECT_EQ(mb.use_constant(float_const(nan)), 4u);
    EXPECT_EQ(mb.use_constant(float_const(-nan)), 6u);
    // ...unless it is the very same object again (same identity), as in every later pass.
    const ast::ConstValue same = float_const(-nan);
    EXPECT_EQ(mb.use_constant(same, &same), 7u);
    EXPECT_EQ(mb.use_constant(same, &same), 7u);
    EXPECT_EQ(mb.use_constant(str_const("abc")), 8u);
    ast::ConstValue b;
    b.kind = ast::ConstValue::Kind::Bytes;
    b.text = "abc";
    EXPECT_EQ(mb.use_constant(b), 9u);  // bytes and str differ
    ast::ConstValue t;
    t.kind = ast::ConstValue::Kind::Tuple;
    t.items = {int_const("1", true, 1), float_const(1.0)};
    ast::ConstValue t2 = t;
    t2.items[1] = int_const("1", true, 1);
    EXPECT_EQ(mb.use_constant(t), 10u);
    EXPECT_EQ(mb.use_constant(t2), 11u);  // (1, 1.0) vs (1, 1): element types differ
    EXPECT_EQ(mb.use_constant(t), 10u);
    EXPECT_EQ(mb.model_constants()[10], Constant::tuple({Constant::integer("1"), Constant::floating("1.0")}));
}

TEST(EmitEncoding, QstrTableStartsWithSourceFile) {
    ModuleBuilder mb("dir/file.py");
    EXPECT_EQ(mb.use_qstr("dir/file.py"), 0u);
    EXPECT_EQ(mb.use_qstr("<module>"), 1u);
    EXPECT_EQ(mb.use_qstr("x"), 2u);
    EXPECT_EQ(mb.use_qstr("<module>"), 1u);
    EXPECT_EQ(mb.qstrs().size(), 3u);
}

}  // namespace
}  // namespace mpy

namespace mpy {
namespace {

TEST(EmitLayout, ForwardJumpShrinksOnlyInASecondEmitPass) {
    // JUMP A over 58 bytes and a short JUMP B.  STACK_SIZE lays every jump out 3 bytes long, so
    // CODE_SIZE sees A's target 64 bytes ahead (2-byte form); the first EMIT pass, using
    // CODE_SIZE's positions, finds 63 (1-byte form), the code shrinks, and a second EMIT pass
    // settles it.  Same history as emitbc.c.
    RecordedCode code;
    code.append_jump(op::JUMP, 0);
    std::vector<std::uint8_t> filler(58, op::POP_TOP);
    code.append_bytes(filler.data(), filler.size());
    code.append_jump(op::JUMP, 1);
    code.append_byte(op::LOAD_CONST_NONE);
    code.append_byte(op::POP_TOP);
    code.append_label(1);
    code.append_label(0);
    PreludeFields prelude;
    LayoutStats stats;
    auto out = assemble_bytecode(code, prelude, &stats);
    EXPECT_EQ(stats.emit_passes, 2u);
    const Prelude p = parse_prelude(out);
    std::vector<std::uint8_t> ops(out.begin() + p.offset_opcodes, out.end());
    ASSERT_EQ(ops.size(), 64u);
    EXPECT_EQ(ops[0], op::JUMP);
    EXPECT_EQ(ops[1], 0x40 + 62);  // lands on the label at 64
    EXPECT_EQ(ops[60], op::JUMP);
    EXPECT_EQ(ops[61], 0x40 + 2);
}

TEST(EmitLayout, BackwardJumpBoundary) {
    // A backward POP_JUMP_IF_TRUE reaches 64 bytes back in one byte (offset -64), not 65.
    for (int body : {61, 62}) {
        RecordedCode code;
        code.append_label(0);
        std::vector<std::uint8_t> filler(body, op::POP_TOP);
        code.append_bytes(filler.data(), filler.size());
        code.append_jump(op::POP_JUMP_IF_TRUE, 0);
        PreludeFields prelude;
        auto out = assemble_bytecode(code, prelude);
        const Prelude p = parse_prelude(out);
        std::vector<std::uint8_t> ops(out.begin() + p.offset_opcodes, out.end());
        if (body == 62) {
            ASSERT_EQ(ops.size(), 64u);
            EXPECT_EQ(ops[63], 0x00);  // -64 + 0x40
        } else {
            ASSERT_EQ(ops.size(), 63u);
            EXPECT_EQ(ops[62], 0x01);  // -63 + 0x40
        }
    }
    RecordedCode code;
    code.append_label(0);
    std::vector<std::uint8_t> filler(63, op::POP_TOP);
    code.append_bytes(filler.data(), filler.size());
    code.append_jump(op::POP_JUMP_IF_TRUE, 0);
    auto out = assemble_bytecode(code, PreludeFields{});
    const Prelude p = parse_prelude(out);
    std::vector<std::uint8_t> ops(out.begin() + p.offset_opcodes, out.end());
    ASSERT_EQ(ops.size(), 66u);  // -66 needs the 2-byte form: 0x4000 - 66 = 0x3fbe
    EXPECT_EQ(ops[64], 0xbe);
    EXPECT_EQ(ops[65], 0x7f);
}

TEST(EmitLayout, JumpTooFarIsBytecodeOverflow) {
    RecordedCode code;
    code.append_jump(op::JUMP, 0);
    std::vector<std::uint8_t> filler(0x2000, op::POP_TOP);
    code.append_bytes(filler.data(), filler.size());
    code.append_bytes(filler.data(), filler.size());
    code.append_label(0);
    try {
        assemble_bytecode(code, PreludeFields{});
        FAIL() << "expected an overflow";
    } catch (const DiagnosticError& e) {
        EXPECT_EQ(e.diagnostic().kind, "RuntimeError");
        EXPECT_EQ(e.diagnostic().message, "bytecode overflow");
    }
}

}  // namespace
}  // namespace mpy
