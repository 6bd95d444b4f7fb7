// The RV32IMC (+Zba, +Zcmp) decoder on bytes our own assembler (compiler/asm_rv32) encodes, and on
// words encoded by hand from the RISC-V ISA manual where the assembler has no method for them.
#include "compiler/asm/rv32/asm_rv32.h"

#include "tests/unit/machine_code/decode_test_util.h"

namespace mpy::machine_code {
namespace {

using namespace mpy::rv32;
using test::texts;

std::vector<std::string> rv32(const std::function<void(AsmRv32&)>& body, unsigned extensions = 0) {
    AsmRv32 as(Rv32Options{extensions, (1u << S1) | (1u << S2) | (1u << S3) | (1u << S4), true});
    auto bytes = test::assemble<AsmRv32>(as, body);
    auto insns = disassemble_rv32(bytes);
    test::expect_covers(insns, bytes.size());
    return texts(insns);
}

std::vector<std::string> words(std::initializer_list<std::uint32_t> ws) {
    test::Bytes bytes;
    for (auto w : ws) {
        for (int i = 0; i < 4; ++i) bytes.push_back(static_cast<std::uint8_t>(w >> (8 * i)));
    }
    return texts(disassemble_rv32(bytes));
}

TEST(Rv32Decoder, BaseAndCompressedArithmeticWithObjdumpsAliases) {
    EXPECT_EQ(rv32([](AsmRv32& as) { as.addi(A0, A1, 5); }), std::vector<std::string>{"addi a0,a1,5"});
    EXPECT_EQ(rv32([](AsmRv32& as) { as.addi(A0, ZERO, -7); }), std::vector<std::string>{"li a0,-7"});
    EXPECT_EQ(rv32([](AsmRv32& as) { as.c_li(A2, -3); }), std::vector<std::string>{"li a2,-3"});
    EXPECT_EQ(rv32([](AsmRv32& as) { as.c_mv(A0, S3); }), std::vector<std::string>{"mv a0,s3"});
    EXPECT_EQ(rv32([](AsmRv32& as) { as.c_add(A0, A1); }), std::vector<std::string>{"add a0,a0,a1"});
    EXPECT_EQ(rv32([](AsmRv32& as) { as.xori(A3, A4, -1); }), std::vector<std::string>{"not a3,a4"});
    EXPECT_EQ(rv32([](AsmRv32& as) { as.sltiu(A3, A4, 1); }), std::vector<std::string>{"seqz a3,a4"});
    EXPECT_EQ(rv32([](AsmRv32& as) { as.slli(T3, A0, 3); }), std::vector<std::string>{"slli t3,a0,0x3"});
    EXPECT_EQ(rv32([](AsmRv32& as) { as.jump_reg(A5); }), std::vector<std::string>{"jr a5"});
}

TEST(Rv32Decoder, MultiplyDivideAndShifts) {
    // alu(funct3, funct7, rd, rs1, rs2): M is funct7 1, sub/sra funct7 0x20.
    EXPECT_EQ(rv32([](AsmRv32& as) {
                  as.alu(0, 1, A0, A0, A1);
                  as.alu(4, 1, A0, A2, A3);
                  as.alu(7, 1, A4, A5, A0);
                  as.alu(0, 0x20, S2, S3, S4);
                  as.alu(5, 0x20, A0, A0, A1);
                  as.alu(1, 0, A0, A0, A1);
              }),
              (std::vector<std::string>{"mul a0,a0,a1", "div a0,a2,a3", "remu a4,a5,a0", "sub s2,s3,s4",
                                        "sra a0,a0,a1", "sll a0,a0,a1"}));
}

TEST(Rv32Decoder, LoadsCarryWhatTheAnnotatorNeeds) {
    AsmRv32 as(Rv32Options{0, (1u << S1) | (1u << S2) | (1u << S3) | (1u << S4), true});
    auto bytes = test::assemble<AsmRv32>(as, [](AsmRv32& a) {
        // The offset counts elements of the access size.
        a.load(A0, S1, 2, 2);   // lw, compressed (both registers in x8..x15)
        a.load(T3, S1, 45, 2);  // lw, 32-bit
        a.load(A0, S4, 5, 1);   // lhu
    });
    auto insns = disassemble_rv32(bytes);
    ASSERT_EQ(texts(insns), (std::vector<std::string>{"lw a0,8(s1)", "lw t3,180(s1)", "lhu a0,10(s4)"}));
    EXPECT_EQ(insns[0].size, 2u);
    EXPECT_EQ(insns[1].size, 4u);
    ASSERT_TRUE(insns[2].load);
    EXPECT_EQ(insns[2].load->base, "s4");
    EXPECT_EQ(insns[2].load->dest, "a0");
    EXPECT_EQ(insns[2].load->displacement, 10);
    EXPECT_EQ(insns[2].load->width, 2);
}

TEST(Rv32Decoder, BranchesGiveTheirTargets) {
    AsmRv32 as(Rv32Options{0, (1u << S1) | (1u << S2) | (1u << S3) | (1u << S4), true});
    auto bytes = test::assemble<AsmRv32>(as, [](AsmRv32& a) {
        a.jump_if_nonzero(A0, 0);
        a.addi(A1, A1, 1);
        a.label_assign(0);
        a.jump(1);
        a.addi(A1, A1, 2);
        a.label_assign(1);
    });
    auto insns = disassemble_rv32(bytes);
    std::vector<std::uint32_t> far_targets;
    for (const auto& i : insns) {
        if (i.branch_target && i.mnemonic == "jr") far_targets.push_back(*i.branch_target);
    }
    // The label offsets the assembler resolved are the targets the decoder computes (the
    // assembler makes these forward jumps "auipc t3; jalr zero, k(t3)": the pair is one jump).
    ASSERT_EQ(far_targets.size(), 2u);
    EXPECT_EQ(far_targets[0], static_cast<std::uint32_t>(as.label_offset(0)));
    EXPECT_EQ(far_targets[1], static_cast<std::uint32_t>(as.label_offset(1)));
    // The conditional branch before the first far jump skips it (the inverted condition).
    ASSERT_TRUE(insns[0].branch_target);
    EXPECT_EQ(texts(insns)[0], "beqz a0,0xc");
    EXPECT_EQ(*insns[0].branch_target, 12u);
    bool unconditional_seen = false;
    for (const auto& i : insns) unconditional_seen |= i.is_unconditional_jump;
    EXPECT_TRUE(unconditional_seen);
}

TEST(Rv32Decoder, ZbaAndZcmp) {
    auto with_zba = rv32([](AsmRv32& as) { as.load_indexed(A0, A1, A2, 2); }, kExtZba);
    EXPECT_NE(std::find_if(with_zba.begin(), with_zba.end(), [](const std::string& s) { return s.rfind("sh2add", 0) == 0; }),
              with_zba.end());
    auto frame = rv32([](AsmRv32& as) { as.entry(2); as.exit(); }, kExtZcmp);
    ASSERT_FALSE(frame.empty());
    EXPECT_EQ(frame.front().rfind("cm.push {ra, s0-s", 0), 0u) << frame.front();
    EXPECT_EQ(frame.back().rfind("cm.popret {ra, s0-s", 0), 0u) << frame.back();
    // By hand from the Zcmp specification: 101 11000 rlist=0110 spimm=00 10 -> {ra, s0-s1}, -16.
    test::Bytes push = {0x62, 0xb8};
    EXPECT_EQ(texts(disassemble_rv32(push)), std::vector<std::string>{"cm.push {ra, s0-s1},-16"});
}

TEST(Rv32Decoder, SystemAndUpperImmediates) {
    EXPECT_EQ(words({0x00000073, 0x00100073, 0x12345537, 0x00000e17, 0x30002573}),
              (std::vector<std::string>{"ecall", "ebreak", "lui a0,0x12345", "auipc t3,0x0", "csrrs a0,0x300,zero"}));
}

TEST(Rv32Decoder, UnknownEncodingsBecomeDataNotACrash) {
    // 0x0000 is the defined-illegal compressed word; 0xffffffff no instruction; a lone last byte.
    test::Bytes bytes = {0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0x13};
    auto insns = disassemble_rv32(bytes);
    test::expect_covers(insns, bytes.size());
    ASSERT_EQ(texts(insns), (std::vector<std::string>{".short 0x0000", ".word 0xffffffff", ".byte 0x13"}));
    EXPECT_TRUE(insns[0].undecodable);
    EXPECT_TRUE(insns[1].undecodable);
}

}  // namespace
}  // namespace mpy::machine_code
