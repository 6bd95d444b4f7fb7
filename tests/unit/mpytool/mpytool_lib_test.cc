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

// A one-function module whose body is `ops` (after a prelude with n_state 2, no args).
LoadedMpy module_with(const std::vector<std::uint8_t>& ops, std::uint32_t scope_flags = 0) {
    MpyModule m;
    m.header = make_header(NativeArch::None, false, 31);
    m.qstrs = {"t.py", "<module>"};
    m.constants = {Constant::str("a str constant that is long")};
    encode_prelude_signature({2, 0, scope_flags, 0, 0, 0}, m.module.code);
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
