// Unit tests for the RISC-V RV32IMC assembler (compiler/asm/rv32/asm_rv32.h) and the rv32imc back end's
// generic operations (compiler/native/native_arch_rv32.cc).
//
// Where the expected bytes come from (the whole-function byte identity with mpy-cross is checked
// by the goldens of tests/native/expected/<version>/rv32imc):
//   [mc]   the encoding `llvm-mc --triple=riscv32 -mattr=+c,+m,+zba -show-encoding` gives for the
//          instruction quoted next to it (compressed forms written as c.xxx);
//   [spec] Zcmp's cm.push / cm.popret (LLVM 14 lacks them), encoded by hand from the RISC-V
//          code-size-reduction specification: 101 11000 rlist spimm 10 / 101 11110 rlist spimm 10;
//   [rule] the reference assembler's choice between forms (which form, not its encoding).
#include "compiler/asm/rv32/asm_rv32.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <vector>

#include "compiler/native/native_arch.h"
#include "compiler/native/native_asm.h"

namespace mpy {
namespace {

using namespace rv32;
using Bytes = std::vector<std::uint8_t>;

constexpr std::uint32_t kFrame128 = (1u << S1) | (1u << S2) | (1u << S3) | (1u << S4);
constexpr std::uint32_t kFrame127 = (1u << S1) | (1u << S3) | (1u << S4) | (1u << S5);

Rv32Options v128(unsigned extensions = 0) { return Rv32Options{extensions, kFrame128, true}; }
Rv32Options v127(unsigned extensions = 0) { return Rv32Options{extensions, kFrame127, false}; }

// Runs `body` as the native emitter does (two measuring passes, then the emit pass) and returns
// the emitted bytes; checks that the last measuring pass and the emit pass agree on the size.
Bytes run(AsmRv32& as, const std::function<void(AsmRv32&)>& body, std::size_t num_labels = 4) {
    as.set_num_labels(num_labels);
    as.start_pass(false);
    body(as);
    as.start_pass(false);
    body(as);
    const std::size_t measured = as.code_pos();
    as.start_pass(true);
    body(as);
    EXPECT_EQ(as.code_pos(), measured);
    return as.bytes();
}

Bytes assemble(const Rv32Options& options, const std::function<void(AsmRv32&)>& body) {
    AsmRv32 as(options);
    return run(as, body);
}

Bytes asm128(const std::function<void(AsmRv32&)>& body) { return assemble(v128(), body); }

Bytes cat(std::initializer_list<Bytes> parts) {
    Bytes all;
    for (const Bytes& p : parts) all.insert(all.end(), p.begin(), p.end());
    return all;
}

// ---- constants ----------------------------------------------------------------------------------

TEST(AsmRv32Immediates, ShortestSequenceForEachRange) {
    EXPECT_EQ(asm128([](AsmRv32& as) { as.load_immediate(A0, -32); }), (Bytes{0x01, 0x55}));  // [mc] c.li a0, -32
    EXPECT_EQ(asm128([](AsmRv32& as) { as.load_immediate(A0, 31); }), (Bytes{0x7d, 0x45}));   // [mc] c.li a0, 31
    // [mc] addi a0, zero, 32 / addi a0, zero, -2048
    EXPECT_EQ(asm128([](AsmRv32& as) { as.load_immediate(A0, 32); }), (Bytes{0x13, 0x05, 0x00, 0x02}));
    EXPECT_EQ(asm128([](AsmRv32& as) { as.load_immediate(A0, -2048); }), (Bytes{0x13, 0x05, 0x00, 0x80}));
    // [mc] c.lui a0, 1; addi a0, a0, -2048: the low part is added sign-extended, so 2048 rounds up
    EXPECT_EQ(asm128([](AsmRv32& as) { as.load_immediate(A0, 2048); }),
              (Bytes{0x05, 0x65, 0x13, 0x05, 0x05, 0x80}));
    // [mc] c.lui a0, 1; c.addi a0, 5
    EXPECT_EQ(asm128([](AsmRv32& as) { as.load_immediate(A0, 0x1005); }), (Bytes{0x05, 0x65, 0x15, 0x05}));
    // [mc] lui a0, 0x12; addi a0, a0, 0x345 (0x12000 is past c.lui's 6 bits)
    EXPECT_EQ(asm128([](AsmRv32& as) { as.load_immediate(A0, 0x12345); }),
              (Bytes{0x37, 0x25, 0x01, 0x00, 0x13, 0x05, 0x55, 0x34}));
    // [mc] lui a0, 0xfffac; addi a0, a0, -801
    EXPECT_EQ(asm128([](AsmRv32& as) { as.load_immediate(A0, -0x54321); }),
              (Bytes{0x37, 0xc5, 0xfa, 0xff, 0x13, 0x05, 0xf5, 0xcd}));
    // [mc] c.lui a0, 0xfffff (no low part)
    EXPECT_EQ(asm128([](AsmRv32& as) { as.load_immediate(A0, -4096); }), (Bytes{0x7d, 0x75}));
    // [rule] only the low 32 bits count: [mc] c.li a0, 5
    EXPECT_EQ(asm128([](AsmRv32& as) { as.load_immediate(A0, 0x100000005); }), (Bytes{0x15, 0x45}));
}

// ---- frames -------------------------------------------------------------------------------------

const Bytes kSave128 = {0x26, 0xc0, 0x4a, 0xc2, 0x4e, 0xc4, 0x52, 0xc6};     // [mc] c.swsp s1,0 s2,4 s3,8 s4,12
const Bytes kRestore128 = {0x82, 0x44, 0x12, 0x49, 0xa2, 0x49, 0x32, 0x4a};  // [mc] c.lwsp s1,0 s2,4 s3,8 s4,12

TEST(AsmRv32Frame, SavesTheFrameRegistersBelowTheLocals) {
    // [mc] c.addi sp, -16 ... c.addi sp, 16; c.jr ra
    EXPECT_EQ(asm128([](AsmRv32& as) {
                  as.entry(0);
                  as.exit();
              }),
              cat({{0x41, 0x11}, kSave128, kRestore128, {0x41, 0x01, 0x82, 0x80}}));
    // 1.27's local registers are s3, s4, s5: [mc] c.swsp s5, 12
    AsmRv32 old(v127());
    const Bytes b = run(old, [](AsmRv32& as) { as.entry(0); });
    EXPECT_EQ(Bytes(b.end() - 2, b.end()), (Bytes{0x56, 0xc6}));
}

TEST(AsmRv32Frame, FarLocalsTakeWiderForms) {
    AsmRv32 as(v128());
    const Bytes b = run(as, [](AsmRv32& a) {
        a.entry(600);  // 604 words: past addi's 12 bits
        a.mov_local_reg(100, A0);
        a.mov_local_reg(600, A0);
        a.mov_reg_local(A0, 600);
        a.mov_reg_local_addr(A0, 0);
        a.mov_reg_local_addr(A0, 300);
        a.mov_reg_local_addr(A0, 600);
        a.exit();
    });
    EXPECT_EQ(b, cat({
                     {0x7d, 0x73, 0x13, 0x03, 0x03, 0x69, 0x1a, 0x91},  // [mc] c.lui t1, 0xfffff; addi t1, t1, 1680; c.add sp, t1
                     kSave128,
                     {0x23, 0x20, 0xa1, 0x1a},                          // [mc] sw a0, 416(sp)
                     {0x05, 0x6e, 0x0a, 0x9e, 0x23, 0x28, 0xae, 0x96},  // [mc] c.lui t3, 1; c.add t3, sp; sw a0, -1680(t3)
                     {0x05, 0x65, 0x0a, 0x95, 0x03, 0x25, 0x05, 0x97},  // [mc] c.lui a0, 1; c.add a0, sp; lw a0, -1680(a0)
                     {0x08, 0x08},                                      // [mc] c.addi4spn a0, sp, 16
                     {0x13, 0x05, 0x01, 0x4c},                          // [mc] addi a0, sp, 1216
                     {0x05, 0x65, 0x13, 0x05, 0x05, 0x97, 0x0a, 0x95},  // [mc] c.lui a0, 1; addi a0, a0, -1680; c.add a0, sp
                     kRestore128,
                     {0x05, 0x63, 0x13, 0x03, 0x03, 0x97, 0x1a, 0x91},  // [mc] c.lui t1, 1; addi t1, t1, -1680; c.add sp, t1
                     {0x82, 0x80},                                      // [mc] c.jr ra
                 }));
}

TEST(AsmRv32Frame, CallsGrowTheSavedRegistersForTheRestOfTheModule) {
    AsmRv32 as(v128());
    // A leaf function saves only the frame registers.
    EXPECT_EQ(run(as, [](AsmRv32& a) { a.entry(0); }), cat({{0x41, 0x11}, kSave128}));
    EXPECT_EQ(as.saved_registers(), kFrame128);
    // A call adds ra and s0 (the short call sequence's scratch); the measuring passes see it, so
    // the emitted frame already saves them.
    const Bytes b = run(as, [](AsmRv32& a) {
        a.entry(1);
        a.call_ind(0);
        a.exit();
    });
    EXPECT_EQ(b, (Bytes{
                     0x11, 0x11,                                                  // [mc] c.addi sp, -28
                     0x06, 0xc0, 0x22, 0xc2, 0x26, 0xc4, 0x4a, 0xc6, 0x4e, 0xc8, 0x52, 0xca,  // [mc] c.swsp ra,0 s0,4 s1,8 s2,12 s3,16 s4,20
                     0x80, 0x40, 0x02, 0x94,                                      // [mc] c.lw s0, 0(s1); c.jalr s0
                     0x82, 0x40, 0x12, 0x44, 0xa2, 0x44, 0x32, 0x49, 0xc2, 0x49, 0x52, 0x4a,  // [mc] c.lwsp ra,0 .. s4,20
                     0x71, 0x01, 0x82, 0x80,                                      // [mc] c.addi sp, 28; c.jr ra
                 }));
    // ... and every later function of the module, even one that calls nothing.
    EXPECT_EQ(run(as, [](AsmRv32& a) { a.entry(0); }).size(), 2u + 6 * 2);
    // The locals follow the six saved registers: [mc] c.swsp a0, 24(sp)
    EXPECT_EQ(run(as, [](AsmRv32& a) { a.mov_local_reg(0, A0); }), (Bytes{0x2a, 0xcc}));
}

TEST(AsmRv32Frame, ZcmpPushesRaAndS0ToTheHighestSavedRegister) {
    // {ra, s0-s4}: 6 registers in a 32-byte block, two spare words for locals.
    // [spec] cm.push {ra, s0-s4}, -32 / cm.popret {ra, s0-s4}, 32
    EXPECT_EQ(assemble(v128(kExtZcmp),
                       [](AsmRv32& as) {
                           as.entry(2);
                           as.exit();
                       }),
              (Bytes{0x92, 0xb8, 0x92, 0xbe}));
    // 11 locals: 2 in the block, 8 in two extra 16-byte chunks, 1 by an sp adjustment.
    // [spec] cm.push {ra, s0-s4}, -64; [mc] c.addi sp, -4; c.addi sp, 4; [spec] cm.popret .., 64
    EXPECT_EQ(assemble(v128(kExtZcmp),
                       [](AsmRv32& as) {
                           as.entry(11);
                           as.exit();
                       }),
              (Bytes{0x9a, 0xb8, 0x71, 0x11, 0x11, 0x01, 0x9a, 0xbe}));
    // At most three chunks: [spec] cm.push {ra, s0-s4}, -80; [mc] c.addi sp, -24
    EXPECT_EQ(assemble(v128(kExtZcmp), [](AsmRv32& as) { as.entry(20); }), (Bytes{0x9e, 0xb8, 0x21, 0x11}));
    // Locals are addressed from sp: [mc] c.swsp a0, 0(sp); addi a0, sp, 0 (c.addi4spn cannot add 0)
    EXPECT_EQ(assemble(v128(kExtZcmp),
                       [](AsmRv32& as) {
                           as.mov_local_reg(0, A0);
                           as.mov_reg_local_addr(A0, 0);
                       }),
              (Bytes{0x2a, 0xc0, 0x13, 0x05, 0x01, 0x00}));
    // {ra, s0-s10} has no encoding: s11 comes too.  [spec] cm.push {ra, s0-s11}, -64
    EXPECT_EQ(assemble(Rv32Options{kExtZcmp, 1u << S10, true}, [](AsmRv32& as) { as.entry(0); }),
              (Bytes{0xf2, 0xb8}));
}

// ---- calls and jumps ----------------------------------------------------------------------------

TEST(AsmRv32Calls, ThroughTheFunctionTable) {
    // [mc] c.lw s0, 60(s1); c.jalr s0 (entries 0-15)
    EXPECT_EQ(asm128([](AsmRv32& as) { as.call_ind(15); }), (Bytes{0xc0, 0x5c, 0x02, 0x94}));
    // [mc] lw t3, 64(s1); c.jalr t3
    EXPECT_EQ(asm128([](AsmRv32& as) { as.call_ind(16); }), (Bytes{0x03, 0xae, 0x04, 0x04, 0x02, 0x9e}));
    // [mc] c.lui t3, 1; c.add t3, s1; lw t3, -1696(t3); c.jalr t3
    EXPECT_EQ(asm128([](AsmRv32& as) { as.call_ind(600); }),
              (Bytes{0x05, 0x6e, 0x26, 0x9e, 0x03, 0x2e, 0x0e, 0x96, 0x02, 0x9e}));
    AsmRv32 as(v128());
    run(as, [](AsmRv32& a) { a.call_ind(16); });
    EXPECT_EQ(as.saved_registers(), 1u << RA);  // the long form does not use s0
}

const Bytes kFarJumpForward8 = {0x17, 0x0e, 0x00, 0x00, 0x67, 0x00, 0x8e, 0x00};  // [mc] auipc t3, 0; jalr zero, 8(t3)
const Bytes kTwoCLi = {0x81, 0x45, 0x81, 0x45};                                   // [mc] c.li a1, 0 (twice)

void pad(AsmRv32& as, int words) {
    for (int i = 0; i < words; ++i) as.data(4, 0);
}

TEST(AsmRv32Jumps, ForwardJumpsTakeTheLongForm) {
    EXPECT_EQ(asm128([](AsmRv32& as) {
                  as.jump(0);
                  as.label_assign(0);
              }),
              kFarJumpForward8);
    // [mc] bne a0, a1, 12 over the far jump
    EXPECT_EQ(asm128([](AsmRv32& as) {
                  as.jump_if_equal(A0, A1, 0);
                  as.label_assign(0);
              }),
              cat({{0x63, 0x16, 0xb5, 0x00}, kFarJumpForward8}));
    // [mc] beq a0, zero, 12 (never c.beqz for a forward target)
    EXPECT_EQ(asm128([](AsmRv32& as) {
                  as.jump_if_nonzero(A0, 0);
                  as.label_assign(0);
              }),
              cat({{0x63, 0x06, 0x05, 0x00}, kFarJumpForward8}));
    // [mc] auipc a0, 0; addi a0, a0, 16
    EXPECT_EQ(asm128([](AsmRv32& as) {
                  as.mov_reg_pcrel(A0, 0);
                  pad(as, 2);
                  as.label_assign(0);
              }),
              cat({{0x17, 0x05, 0x00, 0x00, 0x13, 0x05, 0x05, 0x01}, Bytes(8, 0)}));
}

TEST(AsmRv32Jumps, BackwardJumpsAreShortWhenTheyFit) {
    auto back = [](const std::function<void(AsmRv32&)>& jump) {
        return asm128([&](AsmRv32& as) {
            as.label_assign(0);
            as.c_li(A1, 0);
            as.c_li(A1, 0);
            jump(as);
        });
    };
    EXPECT_EQ(back([](AsmRv32& as) { as.jump(0); }), cat({kTwoCLi, {0xf5, 0xbf}}));  // [mc] c.j -4
    EXPECT_EQ(back([](AsmRv32& as) { as.jump_if_equal(A0, A1, 0); }),
              cat({kTwoCLi, {0xe3, 0x0e, 0xb5, 0xfe}}));  // [mc] beq a0, a1, -4
    EXPECT_EQ(back([](AsmRv32& as) { as.jump_if_nonzero(A0, 0); }), cat({kTwoCLi, {0x75, 0xfd}}));  // [mc] c.bnez a0, -4
    // t1 is outside the compressed window: [mc] bne t1, zero, -4
    EXPECT_EQ(back([](AsmRv32& as) { as.jump_if_nonzero(T1, 0); }), cat({kTwoCLi, {0xe3, 0x1e, 0x03, 0xfe}}));
    // [rule] c.bnez only within 8-bit offsets: [mc] bne a0, zero, -130
    const Bytes b = asm128([](AsmRv32& as) {
        as.label_assign(0);
        for (int i = 0; i < 65; ++i) as.c_li(A1, 0);
        as.jump_if_nonzero(A0, 0);
    });
    EXPECT_EQ(Bytes(b.end() - 4, b.end()), (Bytes{0xe3, 0x1f, 0x05, 0xf6}));
}

TEST(AsmRv32Jumps, FarBackwardJumpsGoThroughT3) {
    // 4400 bytes back: past c.j's 12 bits and a branch's 13.  [mc] auipc t3, 0xfffff; jalr zero, -304(t3)
    Bytes b = asm128([](AsmRv32& as) {
        as.label_assign(0);
        pad(as, 1100);
        as.jump(0);
    });
    EXPECT_EQ(Bytes(b.begin() + 4400, b.end()), (Bytes{0x17, 0xfe, 0xff, 0xff, 0x67, 0x00, 0x0e, 0xed}));
    // [mc] c.beqz a0, 10 over it (backward target, register in the window); auipc t3, 0xfffff;
    // jalr zero, -306(t3)
    b = asm128([](AsmRv32& as) {
        as.label_assign(0);
        pad(as, 1100);
        as.jump_if_nonzero(A0, 0);
    });
    EXPECT_EQ(Bytes(b.begin() + 4400, b.end()),
              (Bytes{0x09, 0xc5, 0x17, 0xfe, 0xff, 0xff, 0x67, 0x00, 0xee, 0xec}));
    // Outside the window: [mc] beq t1, zero, 12; auipc t3, 0xfffff; jalr zero, -308(t3)
    b = asm128([](AsmRv32& as) {
        as.label_assign(0);
        pad(as, 1100);
        as.jump_if_nonzero(T1, 0);
    });
    EXPECT_EQ(Bytes(b.begin() + 4400, b.begin() + 4404), (Bytes{0x63, 0x06, 0x03, 0x00}));
    EXPECT_EQ(b.size(), 4400u + 12);
}

// ---- memory -------------------------------------------------------------------------------------

TEST(AsmRv32Memory, OffsetsPickCompressedBaseOrFarForms) {
    EXPECT_EQ(asm128([](AsmRv32& as) { as.load(A0, A1, 15, 2); }), (Bytes{0xc8, 0x5d}));  // [mc] c.lw a0, 60(a1)
    EXPECT_EQ(asm128([](AsmRv32& as) { as.load(A0, A1, 16, 2); }), (Bytes{0x03, 0xa5, 0x05, 0x04}));  // [mc] lw a0, 64(a1)
    EXPECT_EQ(asm128([](AsmRv32& as) { as.load(T1, A1, 1, 2); }), (Bytes{0x03, 0xa3, 0x45, 0x00}));   // [mc] lw t1, 4(a1)
    EXPECT_EQ(asm128([](AsmRv32& as) { as.load(A0, A1, -2048, 0); }),
              (Bytes{0x03, 0xc5, 0x05, 0x80}));  // [mc] lbu a0, -2048(a1)
    EXPECT_EQ(asm128([](AsmRv32& as) { as.load(A0, A1, 1023, 1); }),
              (Bytes{0x03, 0xd5, 0xe5, 0x7f}));  // [mc] lhu a0, 2046(a1)
    // [mc] c.lui a0, 1; c.add a0, a1; lbu a0, -1096(a0)
    EXPECT_EQ(asm128([](AsmRv32& as) { as.load(A0, A1, 3000, 0); }),
              (Bytes{0x05, 0x65, 0x2e, 0x95, 0x03, 0x45, 0x85, 0xbb}));
    EXPECT_EQ(asm128([](AsmRv32& as) { as.store(A2, A0, 15, 2); }), (Bytes{0x50, 0xdd}));  // [mc] c.sw a2, 60(a0)
    // [rule] c.lw/c.sw only up to offset 60 (the field reaches 124): [mc] sw a2, 124(a0)
    EXPECT_EQ(asm128([](AsmRv32& as) { as.store(A2, A0, 31, 2); }), (Bytes{0x23, 0x2e, 0xc5, 0x06}));
    EXPECT_EQ(asm128([](AsmRv32& as) { as.store(A2, A1, -1, 0); }),
              (Bytes{0xa3, 0x8f, 0xc5, 0xfe}));  // [mc] sb a2, -1(a1)
    // [mc] c.lui t3, 1; c.add t3, a1; sw a2, 304(t3)
    EXPECT_EQ(asm128([](AsmRv32& as) { as.store(A2, A1, 1100, 2); }),
              (Bytes{0x05, 0x6e, 0x2e, 0x9e, 0x23, 0x28, 0xce, 0x12}));
}

TEST(AsmRv32Memory, IndexedAccessPerReleaseAndZba) {
    auto load16 = [](const Rv32Options& o) {
        return assemble(o, [](AsmRv32& as) { as.load_indexed(A0, A0, A1, 1); });
    };
    // 1.27 scales the index and adds it to the base in place: [mc] c.slli a1, 1; c.add a0, a1; lhu a0, 0(a0)
    EXPECT_EQ(load16(v127()), (Bytes{0x86, 0x05, 0x2e, 0x95, 0x03, 0x55, 0x05, 0x00}));
    // [mc] sh1add a0, a1, a0; lhu a0, 0(a0)
    EXPECT_EQ(load16(v127(kExtZba)), (Bytes{0x33, 0xa5, 0xa5, 0x20, 0x03, 0x55, 0x05, 0x00}));
    // 1.28 leaves both in place and addresses through t3: [mc] slli t3, a1, 1; c.add t3, a0; lhu a0, 0(t3)
    EXPECT_EQ(load16(v128()), (Bytes{0x13, 0x9e, 0x15, 0x00, 0x2a, 0x9e, 0x03, 0x55, 0x0e, 0x00}));
    // [mc] sh1add t3, a1, a0; lhu a0, 0(t3)
    EXPECT_EQ(load16(v128(kExtZba)), (Bytes{0x33, 0xae, 0xa5, 0x20, 0x03, 0x55, 0x0e, 0x00}));
    // Bytes: [mc] add t3, a0, a1; lbu a0, 0(t3) / 1.27: c.add a0, a1; lbu a0, 0(a0)
    EXPECT_EQ(assemble(v128(kExtZba), [](AsmRv32& as) { as.load_indexed(A0, A0, A1, 0); }),
              (Bytes{0x33, 0x0e, 0xb5, 0x00, 0x03, 0x45, 0x0e, 0x00}));
    EXPECT_EQ(assemble(v127(), [](AsmRv32& as) { as.load_indexed(A0, A0, A1, 0); }),
              (Bytes{0x2e, 0x95, 0x03, 0x45, 0x05, 0x00}));
    // Words: 1.27 [mc] c.slli a1, 2; c.add a0, a1; c.lw a0, 0(a0) / 1.28 [mc] slli t3, a1, 2;
    // c.add t3, a0; lw a0, 0(t3)
    EXPECT_EQ(assemble(v127(), [](AsmRv32& as) { as.load_indexed(A0, A0, A1, 2); }),
              (Bytes{0x8a, 0x05, 0x2e, 0x95, 0x08, 0x41}));
    EXPECT_EQ(assemble(v128(), [](AsmRv32& as) { as.load_indexed(A0, A0, A1, 2); }),
              (Bytes{0x13, 0x9e, 0x25, 0x00, 0x2a, 0x9e, 0x03, 0x25, 0x0e, 0x00}));
    // [mc] sh2add t3, a1, a0; sw a2, 0(t3)
    EXPECT_EQ(assemble(v128(kExtZba), [](AsmRv32& as) { as.store_indexed(A2, A0, A1, 2); }),
              (Bytes{0x33, 0xce, 0xa5, 0x20, 0x23, 0x20, 0xce, 0x00}));
}

// ---- the back end -------------------------------------------------------------------------------

Bytes backend(CompatVersion compat, const std::function<void(NativeAsm&)>& body) {
    std::unique_ptr<NativeAsm> as = make_native_asm(NativeConfig{NativeArch::RV32IMC, compat, 0});
    EXPECT_NE(as, nullptr);
    as->set_num_labels(2);
    as->start_pass(false);
    body(*as);
    as->start_pass(true);
    body(*as);
    return as->bytes();
}

Bytes ops(const std::function<void(NativeAsm&)>& body) { return backend(CompatVersion::V1_28, body); }

TEST(Rv32Backend, RegisterRolesPerRelease) {
    std::unique_ptr<NativeAsm> v27 = make_native_asm(NativeConfig{NativeArch::RV32IMC, CompatVersion::V1_27, 0});
    std::unique_ptr<NativeAsm> v28 = make_native_asm(NativeConfig{NativeArch::RV32IMC, CompatVersion::V1_28, 1});
    ASSERT_NE(v27, nullptr);
    ASSERT_NE(v28, nullptr);
    EXPECT_EQ(v27->target().local2, S4);
    EXPECT_EQ(v27->target().local3, S5);
    EXPECT_EQ(v28->target().local2, S2);
    EXPECT_EQ(v28->target().local3, S4);
    EXPECT_EQ(v28->target().local1, S3);
    EXPECT_EQ(v28->target().nlr_buf_words, 17);
    EXPECT_EQ(v28->target().nlr_idx_local1, 6);
    EXPECT_EQ(v28->target().zero_reg, std::optional<NReg>(ZERO));
    EXPECT_EQ(make_native_asm(NativeConfig{NativeArch::RV64IMC, CompatVersion::V1_28, 0}), nullptr);
}

TEST(Rv32Backend, Comparisons) {
    auto cmp = [](NCompare op, bool is_unsigned) {
        return ops([&](NativeAsm& as) { as.compare_to_bool(op, is_unsigned, A1, A2, A0); });
    };
    EXPECT_EQ(cmp(NCompare::Less, false), (Bytes{0x33, 0xa5, 0xc5, 0x00}));   // [mc] slt a0, a1, a2
    EXPECT_EQ(cmp(NCompare::More, false), (Bytes{0x33, 0x25, 0xb6, 0x00}));   // [mc] slt a0, a2, a1
    EXPECT_EQ(cmp(NCompare::Less, true), (Bytes{0x33, 0xb5, 0xc5, 0x00}));    // [mc] sltu a0, a1, a2
    EXPECT_EQ(cmp(NCompare::More, true), (Bytes{0x33, 0x35, 0xb6, 0x00}));    // [mc] sltu a0, a2, a1
    // [mc] slt a0, a2, a1; xori a0, a0, 1
    EXPECT_EQ(cmp(NCompare::LessEqual, false), (Bytes{0x33, 0x25, 0xb6, 0x00, 0x13, 0x45, 0x15, 0x00}));
    // [mc] slt a0, a1, a2; xori a0, a0, 1
    EXPECT_EQ(cmp(NCompare::MoreEqual, false), (Bytes{0x33, 0xa5, 0xc5, 0x00, 0x13, 0x45, 0x15, 0x00}));
    // [mc] sub a0, a1, a2; sltiu a0, a0, 1
    EXPECT_EQ(cmp(NCompare::Equal, false), (Bytes{0x33, 0x85, 0xc5, 0x40, 0x13, 0x35, 0x15, 0x00}));
    // [mc] sub a0, a2, a1; sltu a0, zero, a0
    EXPECT_EQ(cmp(NCompare::NotEqual, false), (Bytes{0x33, 0x05, 0xb6, 0x40, 0x33, 0x35, 0xa0, 0x00}));
}

TEST(Rv32Backend, Arithmetic) {
    EXPECT_EQ(ops([](NativeAsm& as) { as.add(A1, A2); }), (Bytes{0xb2, 0x95}));                  // [mc] c.add a1, a2
    EXPECT_EQ(ops([](NativeAsm& as) { as.sub(A1, A2); }), (Bytes{0xb3, 0x85, 0xc5, 0x40}));      // [mc] sub a1, a1, a2
    EXPECT_EQ(ops([](NativeAsm& as) { as.mul(A1, A2); }), (Bytes{0xb3, 0x85, 0xc5, 0x02}));      // [mc] mul a1, a1, a2
    EXPECT_EQ(ops([](NativeAsm& as) { as.and_(A1, A2); }), (Bytes{0xb3, 0x75, 0xb6, 0x00}));     // [mc] and a1, a2, a1
    EXPECT_EQ(ops([](NativeAsm& as) { as.or_(A1, A2); }), (Bytes{0xb3, 0xe5, 0xc5, 0x00}));      // [mc] or a1, a1, a2
    EXPECT_EQ(ops([](NativeAsm& as) { as.xor_(A1, A2); }), (Bytes{0xb3, 0xc5, 0xc5, 0x00}));     // [mc] xor a1, a1, a2
    EXPECT_EQ(ops([](NativeAsm& as) { as.xor_(A1, A1); }), (Bytes{0x81, 0x45}));                 // [mc] c.li a1, 0
    EXPECT_EQ(ops([](NativeAsm& as) { as.clear_reg(A1); }), (Bytes{0x81, 0x45}));                // [mc] c.li a1, 0
    EXPECT_EQ(ops([](NativeAsm& as) { as.not_(A0); }), (Bytes{0x13, 0x45, 0xf5, 0xff}));         // [mc] xori a0, a0, -1
    EXPECT_EQ(ops([](NativeAsm& as) { as.neg(A0); }), (Bytes{0x33, 0x05, 0xa0, 0x40}));          // [mc] sub a0, zero, a0
    EXPECT_EQ(ops([](NativeAsm& as) { as.shift(NShift::Left, A1, A2); }), (Bytes{0xb3, 0x95, 0xc5, 0x00}));  // [mc] sll
    EXPECT_EQ(ops([](NativeAsm& as) { as.shift(NShift::RightLogical, A1, A2); }),
              (Bytes{0xb3, 0xd5, 0xc5, 0x00}));  // [mc] srl a1, a1, a2
    EXPECT_EQ(ops([](NativeAsm& as) { as.shift(NShift::RightArith, A1, A2); }),
              (Bytes{0xb3, 0xd5, 0xc5, 0x40}));  // [mc] sra a1, a1, a2
    EXPECT_EQ(ops([](NativeAsm& as) { as.mov_reg_reg(A0, S3); }), (Bytes{0x4e, 0x85}));  // [mc] c.mv a0, s3
    EXPECT_EQ(ops([](NativeAsm& as) { as.jmp_reg(A0); }), (Bytes{0x02, 0x85}));         // [mc] c.jr a0
}

TEST(Rv32Backend, JumpIfZeroComparesWithX0) {
    // [mc] bne a0, zero, 12 over the far jump
    EXPECT_EQ(ops([](NativeAsm& as) {
                  as.jump_if_zero(A0, 0, false);
                  as.label_assign(0);
              }),
              cat({{0x63, 0x16, 0x05, 0x00}, kFarJumpForward8}));
}

TEST(Rv32Backend, IndexedAccessFollowsTheRelease) {
    // [mc] slli t3, a1, 1; c.add t3, a0; lhu a0, 0(t3) (1.28) / c.slli a1, 1; c.add a0, a1; lhu a0, 0(a0) (1.27)
    EXPECT_EQ(backend(CompatVersion::V1_28, [](NativeAsm& as) { as.load_indexed(NWidth::W16, A0, A0, A1); }),
              (Bytes{0x13, 0x9e, 0x15, 0x00, 0x2a, 0x9e, 0x03, 0x55, 0x0e, 0x00}));
    EXPECT_EQ(backend(CompatVersion::V1_27, [](NativeAsm& as) { as.load_indexed(NWidth::W16, A0, A0, A1); }),
              (Bytes{0x86, 0x05, 0x2e, 0x95, 0x03, 0x55, 0x05, 0x00}));
}

// ---- encodings only the inline assembler (asm_rv32) uses --------------------------------------------

// Little-endian bytes of one instruction, as llvm-mc prints them.
Bytes le32(std::uint32_t word) {
    return {static_cast<std::uint8_t>(word), static_cast<std::uint8_t>(word >> 8),
            static_cast<std::uint8_t>(word >> 16), static_cast<std::uint8_t>(word >> 24)};
}
Bytes le16(std::uint16_t half) { return {static_cast<std::uint8_t>(half), static_cast<std::uint8_t>(half >> 8)}; }

TEST(AsmRv32InlineEncodings, JalAtItsReach) {
    EXPECT_EQ(le32(encode_j(RA, 2048)), (Bytes{0xef, 0x00, 0x10, 0x00}));         // [mc] jal ra, 2048
    EXPECT_EQ(le32(encode_j(ZERO, -4)), (Bytes{0x6f, 0xf0, 0xdf, 0xff}));         // [mc] jal zero, -4 (no C)
    EXPECT_EQ(le32(encode_j(A0, 1048574)), (Bytes{0x6f, 0xf5, 0xff, 0x7f}));      // [mc] jal a0, 1048574
    EXPECT_EQ(le32(encode_j(RA, -1048576)), (Bytes{0xef, 0x00, 0x00, 0x80}));     // [mc] jal ra, -1048576
}

TEST(AsmRv32InlineEncodings, CsrWithImmediate) {
    EXPECT_EQ(le32(encode_csr_imm(5, T0, 0x305, 31)), (Bytes{0xf3, 0xd2, 0x5f, 0x30}));  // [mc] csrrwi t0, 0x305, 31
    EXPECT_EQ(le32(encode_csr_imm(7, A0, 0xfff, 1)), (Bytes{0x73, 0xf5, 0xf0, 0xff}));   // [mc] csrrci a0, 0xfff, 1
    EXPECT_EQ(le32(encode_csr_imm(6, ZERO, 0, 0)), (Bytes{0x73, 0x60, 0x00, 0x00}));     // [mc] csrrsi zero, 0, 0
}

TEST(AsmRv32InlineEncodings, CompressedArithmeticInTheLowWindow) {
    // Windows 0..3 (x8..x11): the standard encoding.
    EXPECT_EQ(le16(encode_ca(0, S0 - 8, S1 - 8)), (Bytes{0x05, 0x8c}));  // [mc] c.sub s0, s1
    EXPECT_EQ(le16(encode_ca(1, A0 - 8, A1 - 8)), (Bytes{0x2d, 0x8d}));  // [mc] c.xor a0, a1
    EXPECT_EQ(le16(encode_ca(3, S1 - 8, S0 - 8)), (Bytes{0xe1, 0x8c}));  // [mc] c.and s1, s0
    // x12..x15 lose the window number's top bit, as in mpy-cross ([mc] c.or a2, a3 is 0x8e55 and
    // c.and a4, a5 is 0x8f7d); the reference wrote 0x8de9 for c_and(a5, a4).
    EXPECT_EQ(le16(encode_ca(2, A2 - 8, A3 - 8)), (Bytes{0x45, 0x8c}));
    EXPECT_EQ(le16(encode_ca(3, A5 - 8, A4 - 8)), (Bytes{0xe9, 0x8d}));
}

TEST(AsmRv32InlineEncodings, CompressedShiftsAndAndi) {
    EXPECT_EQ(le16(encode_cb_alu(0, A5 - 8, 31)), (Bytes{0xfd, 0x83}));  // [mc] c.srli a5, 31
    EXPECT_EQ(le16(encode_cb_alu(1, S0 - 8, 1)), (Bytes{0x05, 0x84}));   // [mc] c.srai s0, 1
    EXPECT_EQ(le16(encode_cb_alu(2, A1 - 8, static_cast<std::uint32_t>(-32))), (Bytes{0x81, 0x99}));  // [mc] c.andi a1, -32
    EXPECT_EQ(le16(encode_cb_alu(2, A0 - 8, 31)), (Bytes{0x7d, 0x89}));  // [mc] c.andi a0, 31
}

}  // namespace
}  // namespace mpy
