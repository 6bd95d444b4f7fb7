// The Xtensa decoder on bytes from the xtensa/xtensawin goldens and on words encoded by hand from
// the Xtensa ISA reference's formats (RRR, RRI8, RI16, CALL, BRI12, RRRN, RI7).
#include "tests/unit/machine_code/decode_test_util.h"

namespace mpy::machine_code {
namespace {

using test::Bytes;
using test::texts;

void put24(Bytes& b, std::uint32_t w) {
    for (int i = 0; i < 3; ++i) b.push_back(static_cast<std::uint8_t>(w >> (8 * i)));
}
void put16(Bytes& b, std::uint32_t w) {
    for (int i = 0; i < 2; ++i) b.push_back(static_cast<std::uint8_t>(w >> (8 * i)));
}
std::uint32_t bri12(unsigned s, unsigned m, unsigned n, unsigned imm12) { return imm12 << 12 | s << 8 | m << 6 | n << 4 | 6; }
std::uint32_t rrrn(unsigned op0, unsigned r, unsigned s, unsigned t) { return r << 12 | s << 8 | t << 4 | op0; }
std::uint32_t rrr(unsigned op1, unsigned op2, unsigned r, unsigned s, unsigned t) {
    return op2 << 20 | op1 << 16 | r << 12 | s << 8 | t << 4;
}
std::uint32_t rri8(unsigned op0, unsigned r, unsigned s, unsigned t, unsigned imm8) {
    return imm8 << 16 | r << 12 | s << 8 | t << 4 | op0;
}

TEST(XtensaDecoder, WindowedEntryCallAndReturn) {
    Bytes b;
    put24(b, bri12(1, 0, 3, 4));            // entry a1, 32
    put24(b, rrr(0, 0, 0, 8, 3 << 2 | 2));  // callx8 a8
    put16(b, rrrn(13, 15, 0, 1));           // retw.n
    put24(b, rrr(0, 0, 0, 0, 2 << 2 | 1));  // retw
    auto insns = disassemble_xtensa(b);
    test::expect_covers(insns, b.size());
    EXPECT_EQ(texts(insns), (std::vector<std::string>{"entry a1, 32", "callx8 a8", "retw.n", "retw"}));
}

TEST(XtensaDecoder, NarrowForms) {
    Bytes b;
    put16(b, rrrn(8, 1, 2, 15));   // l32i.n a15, a2, 4
    put16(b, rrrn(9, 3, 1, 14));   // s32i.n a14, a1, 12
    put16(b, rrrn(10, 2, 3, 4));   // add.n a2, a3, a4
    put16(b, rrrn(11, 5, 5, 0));   // addi.n a5, a5, -1
    put16(b, 0x026c);              // movi.n a2, -32 (imm7 0x60)
    put16(b, rrrn(13, 0, 12, 2));  // mov.n a2, a12
    put16(b, rrrn(13, 15, 0, 0));  // ret.n
    auto insns = disassemble_xtensa(b);
    EXPECT_EQ(texts(insns), (std::vector<std::string>{"l32i.n a15, a2, 4", "s32i.n a14, a1, 12", "add.n a2, a3, a4",
                                                      "addi.n a5, a5, -1", "movi.n a2, -32", "mov.n a2, a12", "ret.n"}));
    ASSERT_TRUE(insns[0].load);
    EXPECT_EQ(insns[0].load->base, "a2");
    EXPECT_EQ(insns[0].load->dest, "a15");
    EXPECT_EQ(insns[0].load->displacement, 4);
}

TEST(XtensaDecoder, WideArithmeticLoadsAndShifts) {
    Bytes b;
    put24(b, rrr(0, 8, 2, 2, 3));            // add a2, a2, a3
    put24(b, rrr(2, 8, 4, 5, 6));            // mull a4, a5, a6
    put24(b, rrr(0, 2, 7, 8, 8));            // or a7, a8, a8 = mov a7, a8
    put24(b, rrr(1, 10, 2, 3, 0));           // sll a2, a3
    put24(b, rrr(0, 4, 1, 3, 0));            // ssl a3
    put24(b, rri8(2, 1, 14, 2, 5));          // l16ui a2, a14, 10
    put24(b, rri8(2, 10, 0x8, 9, 0x00));     // movi a9, -2048
    put24(b, rri8(2, 12, 1, 1, 0xb0));       // addi a1, a1, -80
    auto insns = disassemble_xtensa(b);
    EXPECT_EQ(texts(insns), (std::vector<std::string>{"add a2, a2, a3", "mull a4, a5, a6", "mov a7, a8", "sll a2, a3",
                                                      "ssl a3", "l16ui a2, a14, 10", "movi a9, -2048",
                                                      "addi a1, a1, -80"}));
    ASSERT_TRUE(insns[5].load);
    EXPECT_EQ(insns[5].load->width, 2);
}

TEST(XtensaDecoder, LiteralTableAfterTheFirstJumpIsData) {
    // As the emitters begin a function that has constants: j over (pad byte + words), then l32r.
    Bytes b = {0x06, 0x01, 0x00, 0x00, 0x78, 0x56, 0x34, 0x12};
    put24(b, 0xffff21);  // l32r a2, 4 (pc 8: (8 + 3) & ~3 - 4)
    auto insns = disassemble_xtensa(b);
    test::expect_covers(insns, b.size());
    EXPECT_EQ(texts(insns), (std::vector<std::string>{"j 0x8", ".byte 0x00", ".word 0x12345678", "l32r a2, 0x4"}));
    ASSERT_TRUE(insns.back().literal_address);
    EXPECT_EQ(*insns.back().literal_address, 4u);
    EXPECT_TRUE(insns[1].is_data && insns[2].is_data);
}

TEST(XtensaDecoder, BranchesFromTheGoldens) {
    // fastpath-xtensa.mpy at 0x4e: "56 22 00" bnez a2, 0x54; at 0x51 "c6 0c 00" j 0x88.
    Bytes b = {0x56, 0x22, 0x00, 0xc6, 0x0c, 0x00};
    auto insns = disassemble_xtensa(b);
    ASSERT_EQ(texts(insns), (std::vector<std::string>{"bnez a2, 0x6", "j 0x3a"}));
    EXPECT_FALSE(insns[0].is_unconditional_jump);
    EXPECT_TRUE(insns[1].is_unconditional_jump);
    EXPECT_EQ(*insns[1].branch_target, 0x3au);  // 0x88 - 0x51 + 3
}

TEST(XtensaDecoder, PaddingBeforeTheTargetOfACallToTheNextWordIsData) {
    // The emitters read the pc with "call0 next word"; the byte before that word is padding.
    Bytes b = {0x05, 0x00, 0x00, 0x00};
    put16(b, rrrn(10, 2, 2, 0));  // add.n a2, a2, a0
    auto insns = disassemble_xtensa(b);
    test::expect_covers(insns, b.size());
    ASSERT_EQ(texts(insns), (std::vector<std::string>{"call0 0x4", ".byte 0x00", "add.n a2, a2, a0"}));
    EXPECT_TRUE(insns[1].is_data);
    EXPECT_FALSE(insns[1].undecodable);
}

TEST(XtensaDecoder, UnknownBytesAreDataAndDecodingGoesOn) {
    Bytes b = {0x0e, 0x0f};
    put16(b, rrrn(13, 15, 0, 1));  // retw.n
    b.push_back(0x30);             // a 3-byte instruction cut short
    auto insns = disassemble_xtensa(b);
    test::expect_covers(insns, b.size());
    ASSERT_EQ(texts(insns), (std::vector<std::string>{".byte 0x0e", ".byte 0x0f", "retw.n", ".byte 0x30"}));
    EXPECT_TRUE(insns[0].undecodable);
    EXPECT_TRUE(insns[3].undecodable);
}

}  // namespace
}  // namespace mpy::machine_code
