// mpytool library pieces that the golden tests do not pin down on their own: verification of
// crafted bytecode, the merge rewriter, Python-style repr for freeze comments.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/mpy_writer.h"
#include "common/opcodes.h"
#include "mpytool/diff.h"
#include "mpytool/freeze.h"
#include "mpytool/merge.h"
#include "mpytool/verify.h"

namespace mpy::tool {
namespace {

using ::testing::HasSubstr;

// A one-function module whose body is `ops` (after a prelude with n_state 2 unless given, no args).
LoadedMpy module_with(const std::vector<std::uint8_t>& ops, std::uint32_t scope_flags = 0, std::uint32_t n_state = 2,
                      std::uint32_t n_exc_stack = 0) {
    MpyModule m;
    m.header = make_header(NativeArch::None, false, 31);
    m.qstrs = {"t.py", "<module>"};
    m.constants = {Constant::str("a str constant that is long")};
    encode_prelude_signature({n_state, n_exc_stack, scope_flags, 0, 0, 0}, m.module.code);
    encode_prelude_size({1, 0}, m.module.code);
    m.module.code.push_back(1);  // simple name: qstr 1
    m.module.code.insert(m.module.code.end(), ops.begin(), ops.end());
    return parse_mpy(write_mpy(m), "t.mpy");
}

std::string problems_of(const LoadedMpy& f) {
    auto r = verify_module(f);
    return r.render("t.mpy");
}

TEST(MpytoolVerify, AcceptsWellFormedCode) {
    auto r = verify_module(module_with({op::LOAD_CONST_NONE, op::RETURN_VALUE}));
    EXPECT_TRUE(r.ok()) << r.render("t.mpy");
    EXPECT_EQ(r.instructions, 2u);
}

TEST(MpytoolVerify, RejectsBadBytecode) {
    EXPECT_THAT(problems_of(module_with({op::LOAD_CONST_NONE, op::YIELD_VALUE, op::RETURN_VALUE})),
                HasSubstr("YIELD_VALUE in a function that is not a generator"));
    EXPECT_THAT(problems_of(module_with({op::LOAD_CONST_NONE})), HasSubstr("code ends with LOAD_CONST_NONE"));
    EXPECT_THAT(problems_of(module_with({op::LOAD_NAME, 7, op::RETURN_VALUE})),
                HasSubstr("LOAD_NAME names qstr 7 but the qstr table has 2 entries"));
    EXPECT_THAT(problems_of(module_with({op::LOAD_FAST_N, 5, op::RETURN_VALUE})), HasSubstr("uses local slot 5 but n_state is 2"));
    EXPECT_THAT(problems_of(module_with({op::JUMP, 0x40 + 30})), HasSubstr("outside the function's bytecode"));
    EXPECT_THAT(problems_of(module_with({op::LOAD_NAME})), HasSubstr("runs past the end of the code"));
    // The same code in a generator is fine.
    EXPECT_TRUE(verify_module(module_with({op::LOAD_CONST_NONE, op::YIELD_VALUE, op::RETURN_VALUE}, kScopeGenerator)).ok());
}

// Jump operands as mpy-cross encodes short ones: one byte, signed ones biased by 0x40.
constexpr std::uint8_t fwd(int n) { return static_cast<std::uint8_t>(n); }
constexpr std::uint8_t rel(int n) { return static_cast<std::uint8_t>(0x40 + n); }

TEST(MpytoolVerify, CodeReachedOnlyByUnwindJumpIsDepthChecked) {
    // `while True:\n try: break\n finally: pass` as mpy-cross 1.27 compiles it; the code after
    // the loop is reached only through the UNWIND_JUMP, which lands at the depth the finally
    // block saved (0).
    std::vector<std::uint8_t> loop = {op::SETUP_FINALLY, fwd(3),  // 0: handler at 5
                                      op::UNWIND_JUMP, rel(4), 1,  // 2: leave 1 block, go to 8
                                      op::END_FINALLY,              // 5
                                      op::JUMP, rel(-8)};           // 6: back to 0
    auto with_tail = [&](std::vector<std::uint8_t> tail) {
        auto ops = loop;
        ops.insert(ops.end(), tail.begin(), tail.end());
        return module_with(ops, 0, 2, 1);
    };
    auto good = verify_module(with_tail({op::LOAD_CONST_NONE, op::RETURN_VALUE}));
    EXPECT_TRUE(good.ok()) << good.render("t.mpy");
    EXPECT_THAT(problems_of(with_tail({op::POP_TOP, op::LOAD_CONST_NONE, op::RETURN_VALUE})),
                HasSubstr("at code offset 0xb (file offset 0x37): POP_TOP pops more than the stack holds (depth would be -1)"));
    EXPECT_THAT(problems_of(with_tail({op::LOAD_CONST_NONE, op::LOAD_CONST_NONE, op::LOAD_CONST_NONE, op::RETURN_VALUE})),
                HasSubstr("stack depth 3 exceeds the 2 slots"));
}

TEST(MpytoolVerify, UnwindJumpOutOfForLoopDropsTheIterator) {
    // `for i in <module>:\n try: break\n finally: pass` (mpy-cross 1.27's code, the name
    // changed): the break and the loop's exhaustion reach the same end at depth 0 only if the
    // unwind drops the 4-slot iterator its 0x80 bit names.
    auto loop = [](std::uint8_t unwind_operand) {
        return module_with({op::LOAD_NAME, 1, op::GET_ITER_STACK,
                            op::FOR_ITER, fwd(10),                    // 3: exhausted -> 15
                            op::STORE_NAME, 1,
                            op::SETUP_FINALLY, fwd(3),                // 7: handler at 12
                            op::UNWIND_JUMP, rel(4), unwind_operand,  // 9: -> 15
                            op::END_FINALLY,                          // 12
                            op::JUMP, rel(-12),                       // 13: back to 3
                            op::LOAD_CONST_NONE, op::RETURN_VALUE},   // 15
                           0, 7, 1);
    };
    auto good = verify_module(loop(0x81));
    EXPECT_TRUE(good.ok()) << good.render("t.mpy");
    EXPECT_THAT(problems_of(loop(0x01)), HasSubstr("paths reach this instruction with different depths (stack 0 and 4"));
    EXPECT_THAT(problems_of(loop(0x82)), HasSubstr("UNWIND_JUMP leaves 2 exception blocks but only 1 are active"));
}

TEST(MpytoolVerify, UnwindJumpBelowTheDepthItsBlockSaved) {
    EXPECT_THAT(problems_of(module_with({op::LOAD_CONST_NONE,
                                         op::SETUP_FINALLY, fwd(4),  // 1: saves depth 1, handler at 7
                                         op::POP_TOP,                // 3: the saved value is gone
                                         op::UNWIND_JUMP, rel(4), 1, // 4: -> 10
                                         op::END_FINALLY,            // 7
                                         op::LOAD_CONST_NONE, op::RETURN_VALUE,
                                         op::LOAD_CONST_NONE, op::RETURN_VALUE},  // 10
                                        0, 4, 1)),
                HasSubstr("UNWIND_JUMP at stack depth 0, below the depth 1 its innermost exception block saved"));
}

// A native-py module: machine code `code` whose prelude is at `prelude_offset`.
LoadedMpy native_module(std::vector<std::uint8_t> code, std::uint64_t prelude_offset) {
    MpyModule m;
    m.header = make_header(NativeArch::X64, true, 31);
    m.qstrs = {"t.py", "<module>"};
    m.module.kind = CodeKind::NativePy;
    m.module.code = std::move(code);
    m.module.prelude_offset = prelude_offset;
    return parse_mpy(write_mpy(m), "t.mpy");
}

TEST(MpytoolVerify, NativePreludeMustEndTheMachineCode) {
    // The native emitter writes the prelude last; one that parses but is followed by more code
    // was found at a wrong offset (mpy-cross 1.27 cuts offsets of big functions to 16 bits).
    std::vector<std::uint8_t> prelude;
    encode_prelude_signature({2, 0, 0, 0, 0, 0}, prelude);
    encode_prelude_size({1, 0}, prelude);
    prelude.push_back(1);  // name: qstr 1
    ASSERT_EQ(prelude.size(), 3u);
    std::vector<std::uint8_t> code = {0x90, 0x90, 0xc3};
    code.insert(code.end(), prelude.begin(), prelude.end());
    auto good = verify_module(native_module(code, 3));
    EXPECT_TRUE(good.ok()) << good.render("t.mpy");
    auto longer = code;
    longer.insert(longer.end(), {0x90, 0x90});
    EXPECT_THAT(problems_of(native_module(longer, 3)),
                HasSubstr("the prelude at offset 0x3 ends at 0x6, not at the end of the 8-byte machine code: prelude offset 0x3 is wrong"));
    // Past 64 KiB of code, an offset cut to 16 bits (what mpy-cross 1.27 writes) is recognised:
    // the true prelude is found 64 KiB on and the file passes with a warning.  Machine code
    // that happens to hold prelude-like bytes at 3, and the real prelude at 0x10003.
    auto big = code;
    big.insert(big.end(), 0x10000 - 3, 0x90);
    big.insert(big.end(), prelude.begin(), prelude.end());
    auto exact = verify_module(native_module(big, 0x10003));
    EXPECT_TRUE(exact.ok());
    EXPECT_TRUE(exact.problems.empty()) << exact.render("t.mpy");
    auto cut = verify_module(native_module(big, 0x10003 & 0xffff));
    EXPECT_TRUE(cut.ok()) << cut.render("t.mpy");
    EXPECT_THAT(cut.render("t.mpy"), HasSubstr("warning"));
    EXPECT_THAT(cut.render("t.mpy"), HasSubstr("prelude offset 0x3 is the true offset 0x10003 cut to 16 bits"));
    // Other bytes at the stored offset + 64 KiB: no prelude ends the code there, so it is an error.
    auto no_true_prelude = big;
    no_true_prelude.back() = 0xff;  // the name's vuint now runs past the end
    no_true_prelude.push_back(0x90);
    EXPECT_FALSE(verify_module(native_module(no_true_prelude, 0x10003 & 0xffff)).ok());
}

TEST(MpytoolVerify, ReportsUnreadableFilesWithOffset) {
    auto r = verify_bytes(std::string("M\x06\x00\x1f\x05", 5), "cut.mpy");
    EXPECT_FALSE(r.ok());
    EXPECT_THAT(r.render("cut.mpy"), HasSubstr("cut.mpy: error: offset 0x5: file ends inside the constant count"));
}

TEST(MpytoolMerge, RebasingGrowsJumpsThatNoLongerFit) {
    // An unsigned forward jump over 60 LOAD_NAME q0 (2 bytes each: offset 120, one byte).  After
    // adding 200 to every qstr index each LOAD_NAME takes 3 bytes, so the jump needs two bytes.
    RawCode rc;
    encode_prelude_signature({2, 0, 0, 0, 0, 0}, rc.code);
    encode_prelude_size({1, 0}, rc.code);
    rc.code.push_back(0);
    rc.code.push_back(op::LOAD_CONST_TRUE);
    rc.code.insert(rc.code.end(), {op::JUMP_IF_TRUE_OR_POP, 60 * 2});
    for (int i = 0; i < 60; ++i) rc.code.insert(rc.code.end(), {op::LOAD_NAME, 0});
    rc.code.insert(rc.code.end(), {op::RETURN_VALUE});
    RawCode out = rebase_raw_code(rc, 200, 0, false);
    std::span<const std::uint8_t> code(out.code);
    // The simple name is now qstr 200, a two-byte vuint; the opcodes follow it.
    Prelude p = parse_prelude(out.code);
    EXPECT_EQ(p.simple_name, 200u);
    std::size_t start = p.offset_opcodes + 1;  // after LOAD_CONST_TRUE
    auto jump = decode_instruction(code, start);
    ASSERT_TRUE(jump);
    EXPECT_EQ(jump->opcode, op::JUMP_IF_TRUE_OR_POP);
    EXPECT_EQ(jump->length, 3u);  // grew to two offset bytes
    auto target = decode_instruction(code, static_cast<std::size_t>(jump->jump_target));
    ASSERT_TRUE(target);
    EXPECT_EQ(target->opcode, op::RETURN_VALUE);  // still lands after the LOAD_NAMEs
    auto first_load = decode_instruction(code, start + 3);
    ASSERT_TRUE(first_load);
    EXPECT_EQ(first_load->arg, 200);
    EXPECT_EQ(out.code.size(), rc.code.size() + 1 + 1 + 60);  // name, jump, 60 longer LOAD_NAMEs
}

TEST(MpytoolDiff, SameFileHasNoDifferences) {
    auto f = module_with({op::LOAD_CONST_NONE, op::RETURN_VALUE});
    auto r = diff_modules(f, f);
    EXPECT_TRUE(r.identical);
    EXPECT_EQ(r.text, "");
    auto g = module_with({op::LOAD_CONST_TRUE, op::RETURN_VALUE});
    auto d = diff_modules(f, g);
    EXPECT_FALSE(d.identical);
    EXPECT_THAT(d.text, HasSubstr("- #0    line 1    LOAD_CONST_NONE"));
    EXPECT_THAT(d.text, HasSubstr("+ #0    line 1    LOAD_CONST_TRUE"));
}

TEST(MpytoolDiff, TablesThatDifferAloneAreReported) {
    // Same code, but one file carries an extra (unused) constant and qstr: the bytes differ, so
    // diff must not call the files identical.
    auto f = module_with({op::LOAD_CONST_NONE, op::RETURN_VALUE});
    MpyModule m = f.module;
    m.constants.push_back(Constant::str("an extra constant string"));
    m.qstrs.push_back("extra");
    auto g = parse_mpy(write_mpy(m), "g.mpy");
    auto d = diff_modules(f, g);
    EXPECT_FALSE(d.identical);
    EXPECT_THAT(d.text, HasSubstr("constant table: 1 entries -> 2 entries"));
    EXPECT_THAT(d.text, HasSubstr("+ #1: 'an extra constant string'"));
    EXPECT_THAT(d.text, HasSubstr("qstr table: 1 entries -> 2 entries"));
    EXPECT_THAT(d.text, HasSubstr("+ #1: 'extra'"));
}

TEST(MpytoolFreeze, PythonReprOfStrings) {
    EXPECT_EQ(python_str_repr("abc"), "'abc'");
    EXPECT_EQ(python_str_repr("it's"), "\"it's\"");
    EXPECT_EQ(python_str_repr("a'b\"c"), "'a\\'b\"c'");
    EXPECT_EQ(python_str_repr("\n\t\\\x01"), "'\\n\\t\\\\\\x01'");
    EXPECT_EQ(python_str_repr("\xc3\xa9"), "'\xc3\xa9'");  // printable non-ASCII stays
    EXPECT_EQ(python_str_repr("\xc2\x85"), "'\\x85'");     // C1 control is escaped
    EXPECT_EQ(utf8_length("\xc3\xa9t\xc3\xa9"), 3u);
}

}  // namespace
}  // namespace mpy::tool
