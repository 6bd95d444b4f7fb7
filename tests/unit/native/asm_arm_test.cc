// Unit tests for the ARM-mode assembler (compiler/asm_arm.h) and the armv6 back end's generic
// operations (compiler/native_arch_arm.cc).
//
// Where the expected words come from (whole-function byte identity with mpy-cross is checked by
// the goldens of tests/native/expected/*/armv6):
//   [mc]   the encoding `llvm-mc --triple=armv6 -show-encoding` gives for the instruction quoted
//          next to it (written here as the little-endian word);
//   [rule] derived from the reference assembler's rules (which form for which operand range,
//          branch offsets counted in words from pc + 8).
#include "compiler/asm/arm/asm_arm.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <vector>

#include "compiler/native/native_arch.h"
#include "compiler/native/native_asm.h"
#include "asm_test_util.h"

namespace mpy {
namespace {

using namespace arm;
using Words = std::vector<std::uint32_t>;

Words to_words(const std::vector<std::uint8_t>& bytes) {
    EXPECT_EQ(bytes.size() % 4, 0u);
    Words words;
    for (std::size_t i = 0; i + 3 < bytes.size(); i += 4) {
        words.push_back(bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) |
                        (static_cast<std::uint32_t>(bytes[i + 3]) << 24));
    }
    return words;
}

Words assemble(const std::function<void(AsmArm&)>& body) { return to_words(asm_test::assemble<AsmArm>(body)); }

// ---- encodings ----------------------------------------------------------------------------------

TEST(AsmArmEncoding, DataProcessing) {
    EXPECT_EQ(encode_dp_reg(MOV, R2, 0, R9) | 0xe0000000, 0xe1a02009u);          // [mc] mov r2, r9
    EXPECT_EQ(encode_dp_imm(MVN, R3, 0, 0xff) | 0xe0000000, 0xe3e030ffu);        // [mc] mvn r3, #255
    EXPECT_EQ(encode_dp_imm(RSB, R1, R1, 0) | 0xe0000000, 0xe2611000u);          // [mc] rsb r1, r1, #0
    EXPECT_EQ(encode_dp_imm(CMP, 0, R4, 0) | 0xe0000000, 0xe3540000u);           // [mc] cmp r4, #0
    EXPECT_EQ(encode_dp_reg(CMP, 0, R1, R2) | 0xe0000000, 0xe1510002u);          // [mc] cmp r1, r2
    EXPECT_EQ(encode_dp_reg(ORR, R2, R2, R3) | 0xe0000000, 0xe1822003u);         // [mc] orr r2, r2, r3
    EXPECT_EQ(encode_dp_reg(MOV, R8, 0, R2, LSL, 1) | 0xe0000000, 0xe1a08082u);  // [mc] lsl r8, r2, #1
    EXPECT_EQ(encode_mov_shift_reg(R0, R0, ASR, R1) | 0xe0000000, 0xe1a00150u);  // [mc] asr r0, r0, r1
    EXPECT_EQ(encode_mul(R0, R1, R0) | 0xe0000000, 0xe0000091u);                 // [mc] mul r0, r1, r0
}

TEST(AsmArmEncoding, Transfers) {
    EXPECT_EQ(encode_word_byte_imm(true, true, R0, R1, 4095) | 0xe0000000, 0xe5d10fffu);    // [mc] ldrb r0, [r1, #4095]
    EXPECT_EQ(encode_word_byte_reg(false, false, R0, R1, R2, 2) | 0xe0000000, 0xe7810102u);  // [mc] str r0, [r1, r2, lsl #2]
    EXPECT_EQ(encode_half_imm(true, R0, R1, 254) | 0xe0000000, 0xe1d10fbeu);                 // [mc] ldrh r0, [r1, #254]
    EXPECT_EQ(encode_half_imm(false, R0, R1, 18) | 0xe0000000, 0xe1c101b2u);                 // [mc] strh r0, [r1, #18]
    EXPECT_EQ(encode_half_reg(false, R0, R1, R8) | 0xe0000000, 0xe18100b8u);                 // [mc] strh r0, [r1, r8]
    EXPECT_EQ(encode_push(0x41fe) | 0xe0000000, 0xe92d41feu);  // [mc] push {r1-r8, lr}
    EXPECT_EQ(encode_pop(0x81fe) | 0xe0000000, 0xe8bd81feu);   // [mc] pop {r1-r8, pc}
    EXPECT_EQ(encode_bx(R3) | 0xe0000000, 0xe12fff13u);         // [mc] bx r3
}

// ---- frame --------------------------------------------------------------------------------------

TEST(AsmArmFrame, UpToThreeLocalsReserveNoStack) {
    // [mc] push {r1-r8, lr} / pop {r1-r8, pc}
    EXPECT_EQ(assemble([](AsmArm& as) {
                  as.entry(3);
                  as.exit();
              }),
              (Words{0xe92d41fe, 0xe8bd81fe}));
}

TEST(AsmArmFrame, MoreLocalsKeepSpEightByteAligned) {
    // 5 locals: 6 words.  [mc] sub sp, sp, #24 ... add sp, sp, #24
    EXPECT_EQ(assemble([](AsmArm& as) {
                  as.entry(5);
                  as.exit();
              }),
              (Words{0xe92d41fe, 0xe24dd018, 0xe28dd018, 0xe8bd81fe}));
}

TEST(AsmArmFrame, BigFramesGoThroughR8) {
    // 64 locals = 256 bytes, past the 8-bit immediate: [rule] ldr r8, [pc]; b; .word 256;
    // [mc] sub sp, sp, r8
    EXPECT_EQ(assemble([](AsmArm& as) { as.entry(64); }),
              (Words{0xe92d41fe, 0xe59f8000, 0xea000000, 256, 0xe04dd008}));
}

TEST(AsmArmFrame, LocalSlotsAndTheirAddresses) {
    EXPECT_EQ(assemble([](AsmArm& as) {
                  as.mov_local_reg(3, R5);        // [mc] str r5, [sp, #12]
                  as.mov_reg_local(R5, 3);        // [mc] ldr r5, [sp, #12]
                  as.mov_reg_local_addr(R2, 63);  // [mc] add r2, sp, #252
                  as.mov_reg_local_addr(R2, 64);  // [rule] 256 bytes: r8 = 256 (literal), [mc] add r2, sp, r8
              }),
              (Words{0xe58d500c, 0xe59d500c, 0xe28d20fc, 0xe59f8000, 0xea000000, 256, 0xe08d2008}));
}

// ---- constants ------------------------------------------------------------------------------------

TEST(AsmArmConstants, MovMvnOrLiteral) {
    EXPECT_EQ(assemble([](AsmArm& as) { as.mov_reg_i32_optimised(R3, 255); }), (Words{0xe3a030ff}));  // [mc] mov r3, #255
    EXPECT_EQ(assemble([](AsmArm& as) { as.mov_reg_i32_optimised(R0, -1); }), (Words{0xe3e00000}));   // [mc] mvn r0, #0
    EXPECT_EQ(assemble([](AsmArm& as) { as.mov_reg_i32_optimised(R3, -256); }), (Words{0xe3e030ff}));  // [mc] mvn r3, #255
    // [rule] -257 and 256 fit neither: the literal word after `ldr r1, [pc]; b pc + 8`.
    EXPECT_EQ(assemble([](AsmArm& as) { as.mov_reg_i32_optimised(R1, -257); }),
              (Words{0xe59f1000, 0xea000000, 0xfffffeff}));
    EXPECT_EQ(assemble([](AsmArm& as) { as.mov_reg_i32_optimised(R1, 256); }),
              (Words{0xe59f1000, 0xea000000, 0x100}));
}

TEST(AsmArmConstants, PcRelativeAddressOfALabel) {
    // [rule] the literal is label - (here + 20): the add reads pc as its own address + 8.
    EXPECT_EQ(assemble([](AsmArm& as) {
                  as.mov_reg_pcrel(R0, 0);  // 16 bytes
                  as.word(0);
                  as.label_assign(0);       // at 20
              }),
              (Words{0xe59f0000, 0xea000000, 0, 0xe080000f, 0}));
}

// ---- memory ---------------------------------------------------------------------------------------

TEST(AsmArmMemory, NearAndFarOffsets) {
    EXPECT_EQ(assemble([](AsmArm& as) { as.ldr_reg_reg_offset(R0, R1, 4092); }), (Words{0xe5910ffc}));  // [mc]
    EXPECT_EQ(assemble([](AsmArm& as) { as.ldrh_reg_reg_offset(R0, R1, 254); }), (Words{0xe1d10fbe}));  // [mc]
    // [rule] past 12 bits (8 for halfwords): r8 = offset, then [mc] ldr r0, [r1, r8] / ldrh r0, [r1, r8]
    EXPECT_EQ(assemble([](AsmArm& as) { as.ldr_reg_reg_offset(R0, R1, 4096); }),
              (Words{0xe59f8000, 0xea000000, 4096, 0xe7910008}));
    EXPECT_EQ(assemble([](AsmArm& as) { as.ldrh_reg_reg_offset(R0, R1, 256); }),
              (Words{0xe59f8000, 0xea000000, 256, 0xe19100b8}));
    EXPECT_EQ(assemble([](AsmArm& as) { as.strb_reg_reg_offset(R0, R1, 4096); }),
              (Words{0xe59f8000, 0xea000000, 4096, 0xe7c10008}));
}

TEST(AsmArmMemory, IndexedAccessScalesTheIndex) {
    EXPECT_EQ(assemble([](AsmArm& as) { as.ldr_reg_reg_reg(R0, R1, R2); }), (Words{0xe7910102}));   // [mc] ldr r0, [r1, r2, lsl #2]
    EXPECT_EQ(assemble([](AsmArm& as) { as.strb_reg_reg_reg(R0, R1, R2); }), (Words{0xe7c10002}));  // [mc] strb r0, [r1, r2]
    // [mc] lsl r8, r2, #1; ldrh r0, [r1, r8]
    EXPECT_EQ(assemble([](AsmArm& as) { as.ldrh_reg_reg_reg(R0, R1, R2); }), (Words{0xe1a08082, 0xe19100b8}));
}

// ---- control flow ---------------------------------------------------------------------------------

TEST(AsmArmBranch, OffsetsInWordsFromPcPlusEight) {
    // [rule] backward to 0 from 4: (0 - 4 - 8) / 4 = -3; forward to 12 from 4: 0.
    EXPECT_EQ(assemble([](AsmArm& as) {
                  as.label_assign(0);
                  as.word(0);
                  as.b_label(0);
                  as.bcc_label(NE, 1);
                  as.word(0);
                  as.label_assign(1);
              }),
              (Words{0, 0xeafffffd, 0x1a000000, 0}));
}

TEST(AsmArmBranch, IndirectCallThroughTheFunctionTable) {
    // [mc] mov lr, pc; ldr pc, [r7, #12]
    EXPECT_EQ(assemble([](AsmArm& as) { as.bl_ind(3); }), (Words{0xe1a0e00f, 0xe597f00c}));
}

// ---- the back end's generic operations --------------------------------------------------------------

Words backend(const std::function<void(NativeAsm&)>& body) {
    auto as = make_arm_backend(NativeConfig{NativeArch::ArmV6});
    as->set_num_labels(2);
    as->start_pass(false);
    body(*as);
    as->start_pass(true);
    body(*as);
    return to_words(as->bytes());
}

TEST(ArmBackend, CompareToBoolIsTwoConditionalMoves) {
    // [mc] cmp r1, r2; movlt r0, #1; movge r0, #0
    EXPECT_EQ(backend([](NativeAsm& as) { as.compare_to_bool(NCompare::Less, false, R1, R2, R0); }),
              (Words{0xe1510002, 0xb3a00001, 0xa3a00000}));
    // unsigned <=: [mc] movls / movhi
    EXPECT_EQ(backend([](NativeAsm& as) { as.compare_to_bool(NCompare::LessEqual, true, R1, R2, R0); }),
              (Words{0xe1510002, 0x93a00001, 0x83a00000}));
}

TEST(ArmBackend, ArithmeticKeepsMulOperandOrder) {
    EXPECT_EQ(backend([](NativeAsm& as) {
                  as.mul(R0, R1);    // [mc] mul r0, r1, r0
                  as.neg(R1);        // [mc] rsb r1, r1, #0
                  as.not_(R1);       // [mc] mvn r1, r1
                  as.clear_reg(R0);  // [mc] eor r0, r0, r0
                  as.shift(NShift::Left, R0, R1);  // [mc] lsl r0, r0, r1
              }),
              (Words{0xe0000091, 0xe2611000, 0xe1e01001, 0xe0200000, 0xe1a00110}));
}

TEST(ArmBackend, LoadsTakeElementIndices) {
    EXPECT_EQ(backend([](NativeAsm& as) {
                  as.load(NWidth::Word, R0, R1, 1023);  // [mc] ldr r0, [r1, #4092]
                  as.store(NWidth::W16, R0, R1, 9);     // [mc] strh r0, [r1, #18]
                  as.store(NWidth::W8, R0, R1, 1);      // [mc] strb r0, [r1, #1]
              }),
              (Words{0xe5910ffc, 0xe1c101b2, 0xe5c10001}));
}

TEST(ArmBackend, JumpsCompareWithZero) {
    // [mc] cmp r4, #0; beq (to 8: offset (8 - 4 - 8) / 4 = -1)
    EXPECT_EQ(backend([](NativeAsm& as) {
                  as.jump_if_zero(R4, 0, false);
                  as.label_assign(0);
              }),
              (Words{0xe3540000, 0x0affffff}));
}

}  // namespace
}  // namespace mpy
