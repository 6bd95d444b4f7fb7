// The Capstone-based decoders (x86, x64, Thumb) on bytes our assemblers (compiler/asm_x64, asm_x86,
// asm_thumb) encode: the text, and the facts (loads, branch targets, data) the listing relies on.
#include "compiler/asm/thumb/asm_thumb.h"
#include "compiler/asm/x86/asm_x64.h"
#include "compiler/asm/x86/asm_x86.h"

#include "tests/unit/machine_code/decode_test_util.h"

namespace mpy::machine_code {
namespace {

using test::texts;

TEST(X64Decoder, LoadsStoresAndArithmeticInAttSyntax) {
    AsmX64 as;
    auto bytes = test::assemble<AsmX64>(as, [](AsmX64& a) {
        a.load(x64::Width::W64, x64::RAX, x64::RBP, 0x90);
        a.load(x64::Width::W16, x64::RSI, x64::R13, 10);
        a.add(x64::RAX, x64::RCX);
        a.ret();
    });
    auto insns = disassemble_x86(bytes, true);
    test::expect_covers(insns, bytes.size());
    ASSERT_EQ(texts(insns), (std::vector<std::string>{"movq 0x90(%rbp), %rax", "movzwl 0xa(%r13), %esi",
                                                      "addq %rcx, %rax", "retq"}));
    ASSERT_TRUE(insns[0].load);
    EXPECT_EQ(insns[0].load->base, "rbp");
    EXPECT_EQ(insns[0].load->dest, "rax");
    EXPECT_EQ(insns[0].load->displacement, 0x90);
    EXPECT_EQ(insns[0].load->width, 8);
    ASSERT_TRUE(insns[1].load);
    EXPECT_EQ(insns[1].load->base, "r13");
    EXPECT_EQ(insns[1].load->width, 2);
}

TEST(X64Decoder, JumpsGiveLabelOffsets) {
    AsmX64 as;
    auto bytes = test::assemble<AsmX64>(as, [](AsmX64& a) {
        a.jcc(x86_family::Cond(0x4), 0);  // je
        a.nop();
        a.label_assign(0);
        a.jmp(1);
        a.nop();
        a.label_assign(1);
        a.ret();
    });
    auto insns = disassemble_x86(bytes, true);
    ASSERT_TRUE(insns[0].branch_target);
    EXPECT_EQ(*insns[0].branch_target, static_cast<std::uint32_t>(as.label_offset(0)));
    EXPECT_FALSE(insns[0].is_unconditional_jump);
    const Instruction& jmp = insns[2];
    EXPECT_EQ(jmp.mnemonic.rfind("jmp", 0), 0u);
    ASSERT_TRUE(jmp.branch_target);
    EXPECT_EQ(*jmp.branch_target, static_cast<std::uint32_t>(as.label_offset(1)));
    EXPECT_TRUE(jmp.is_unconditional_jump);
}

TEST(X86Decoder, ThirtyTwoBitRegisters) {
    AsmX86 as;
    auto bytes = test::assemble<AsmX86>(as, [](AsmX86& a) {
        a.load(x86::Width::W32, x86::EAX, x86::EBP, 0x48);
        a.sub(x86::EAX, x86::ECX);
        a.neg(x86::EDX);
    });
    auto insns = disassemble_x86(bytes, false);
    ASSERT_EQ(texts(insns), (std::vector<std::string>{"movl 0x48(%ebp), %eax", "subl %ecx, %eax", "negl %edx"}));
    ASSERT_TRUE(insns[0].load);
    EXPECT_EQ(insns[0].load->base, "ebp");
}

TEST(ThumbDecoder, Thumb1AndThumb2) {
    AsmThumb as(true);
    auto bytes = test::assemble<AsmThumb>(as, [](AsmThumb& a) {
        a.load_reg_reg_offset(thumb::R3, thumb::R7, 7, 2);  // ldr r3, [r7, #28]
        a.blx_reg(thumb::R3);
        a.mov_reg_i16(false, thumb::R0, 0x1234);            // movw
        a.mov_reg_i16(true, thumb::R0, 0x5678);             // movt
        a.load_reg_reg_offset(thumb::R3, thumb::R7, 300, 2);  // ldr.w with a 12-bit offset
    });
    auto insns = disassemble_thumb(bytes);
    test::expect_covers(insns, bytes.size());
    ASSERT_EQ(texts(insns), (std::vector<std::string>{"ldr r3, [r7, #0x1c]", "blx r3", "movw r0, #0x1234",
                                                      "movt r0, #0x5678", "ldr.w r3, [r7, #0x4b0]"}));
    ASSERT_TRUE(insns[4].load);
    EXPECT_EQ(insns[4].load->base, "r7");
    EXPECT_EQ(insns[4].load->displacement, 0x4b0);
}

TEST(ThumbDecoder, Armv6mInlineLiteralIsData) {
    // armv6m loads a 32-bit constant as "ldr rN, [pc, #k]; b over; .word value".
    AsmThumb as(false);
    auto bytes = test::assemble<AsmThumb>(as, [](AsmThumb& a) {
        a.mov_reg_i32_optimised(thumb::R0, 0x12345678);
        a.bx_reg(thumb::LR);
    });
    auto insns = disassemble_thumb(bytes);
    test::expect_covers(insns, bytes.size());
    bool literal_word_seen = false;
    for (const auto& i : insns) literal_word_seen |= i.is_data && i.operands == "0x12345678";
    EXPECT_TRUE(literal_word_seen) << ::testing::PrintToString(texts(insns));
    EXPECT_EQ(texts(insns).back(), "bx lr");
    ASSERT_TRUE(insns[0].literal_address || insns[1].literal_address);
}

TEST(ThumbDecoder, UndecodableHalfwordsAreData) {
    test::Bytes bytes = {0xff, 0xff, 0x00, 0xbf};  // a lone 32-bit prefix, then nop
    auto insns = disassemble_thumb(bytes);
    test::expect_covers(insns, bytes.size());
    ASSERT_EQ(insns.size(), 2u);
    EXPECT_TRUE(insns[0].undecodable);
    EXPECT_EQ(texts(insns)[0], ".short 0xffff");
    EXPECT_EQ(texts(insns)[1], "nop");
}

TEST(ArmDecoder, A32Words) {
    // By hand from the ARM ARM: e5973004 = ldr r3, [r7, #4]; e12fff33 = blx r3; e0800001 = add r0, r0, r1.
    test::Bytes bytes = {0x04, 0x30, 0x97, 0xe5, 0x33, 0xff, 0x2f, 0xe1, 0x01, 0x00, 0x80, 0xe0};
    auto insns = disassemble_arm(bytes);
    ASSERT_EQ(texts(insns), (std::vector<std::string>{"ldr r3, [r7, #4]", "blx r3", "add r0, r0, r1"}));
    ASSERT_TRUE(insns[0].load);
    EXPECT_EQ(insns[0].load->displacement, 4);
}

}  // namespace
}  // namespace mpy::machine_code
