// Unit tests for the ARM Thumb assembler (compiler/asm/thumb/asm_thumb.h) and the Thumb back end's
// generic operations (compiler/native/native_arch_thumb.cc).
//
// Where the expected bytes come from (the whole-function byte identity with mpy-cross is checked
// by the goldens of tests/native/armv6m, armv7m, ...):
//   [mc]   the encoding `llvm-mc --triple=thumbv7m -show-encoding` gives for the instruction
//          quoted next to it;
//   [rule] derived from the reference assembler's rules (fixed-size forward branches, the
//          inverted short branch over a long one) and decoded with llvm-objdump.
#include "compiler/asm/thumb/asm_thumb.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <vector>

#include "compiler/native/native_arch.h"
#include "compiler/native/native_asm.h"

namespace mpy {
namespace {

using namespace thumb;
using Bytes = std::vector<std::uint8_t>;

// Runs `body` through the size pass and the emit pass and returns the emitted bytes; checks
// that both passes agree on the size.
Bytes assemble(bool armv7m, const std::function<void(AsmThumb&)>& body, std::size_t num_labels = 4) {
    AsmThumb as(armv7m);
    as.set_num_labels(num_labels);
    as.start_pass(false);
    body(as);
    const std::size_t measured = as.code_pos();
    as.start_pass(true);
    body(as);
    EXPECT_EQ(as.code_pos(), measured);
    return as.bytes();
}

Bytes v6(const std::function<void(AsmThumb&)>& body) { return assemble(false, body); }
Bytes v7(const std::function<void(AsmThumb&)>& body) { return assemble(true, body); }

// ---- frame --------------------------------------------------------------------------------------

TEST(AsmThumbFrame, SmallFramesPushOnlyRegisters) {
    // [mc] push {r1, r4, r5, r6, r7, lr} / pop {r1, r4-r7, pc}
    EXPECT_EQ(v7([](AsmThumb& as) {
                  as.entry(1);
                  as.exit();
              }),
              (Bytes{0xf2, 0xb5, 0xf2, 0xbd}));
    // [mc] push {r1, r2, r3, r4, r5, r6, r7, lr}: r1-r3 are the slots of two or three locals
    EXPECT_EQ(v6([](AsmThumb& as) { as.entry(3); }), (Bytes{0xfe, 0xb5}));
}

TEST(AsmThumbFrame, LargerFramesKeepSpEightByteAligned) {
    // 5 locals: 3 in pushed registers, 2 more words: [mc] sub sp, #8 ... add sp, #8; pop
    EXPECT_EQ(v6([](AsmThumb& as) {
                  as.entry(5);
                  as.exit();
              }),
              (Bytes{0xfe, 0xb5, 0x82, 0xb0, 0x02, 0xb0, 0xfe, 0xbd}));
    // 6 locals: 3 more words rounded up to 4: sub sp, #16
    EXPECT_EQ(v6([](AsmThumb& as) { as.entry(6); }), (Bytes{0xfe, 0xb5, 0x84, 0xb0}));
}

TEST(AsmThumbFrame, HugeFrames) {
    // 301 locals: 298 words.  armv7m: [mc] subw sp, sp, #1192 / addw sp, sp, #1192
    EXPECT_EQ(v7([](AsmThumb& as) {
                  as.entry(301);
                  as.exit();
              }),
              (Bytes{0xfe, 0xb5, 0xad, 0xf2, 0xa8, 0x4d, 0x0d, 0xf2, 0xa8, 0x4d, 0xfe, 0xbd}));
    // armv6m: sub sp, #508 twice, then the rest (298 = 127 + 127 + 44)
    EXPECT_EQ(v6([](AsmThumb& as) { as.entry(301); }),
              (Bytes{0xfe, 0xb5, 0xff, 0xb0, 0xff, 0xb0, 0xac, 0xb0}));
}

TEST(AsmThumbFrame, LocalSlots) {
    EXPECT_EQ(v6([](AsmThumb& as) {
                  as.mov_local_reg(255, R0);       // [mc] str r0, [sp, #1020]
                  as.mov_reg_local(R2, 2);         // [mc] ldr r2, [sp, #8]
                  as.mov_reg_local_addr(R1, 3);    // [mc] add r1, sp, #12
              }),
              (Bytes{0xff, 0x90, 0x02, 0x9a, 0x03, 0xa9}));
}

TEST(AsmThumbFrame, SlotPast255IsTooManyLocalsInTheEmitPass) {
    EXPECT_THROW(v6([](AsmThumb& as) { as.mov_local_reg(256, R0); }), NativeAsmLimit);
}

// ---- constants -----------------------------------------------------------------------------------

TEST(AsmThumbImmediates, Armv7mUsesMovwMovt) {
    EXPECT_EQ(v7([](AsmThumb& as) { as.mov_reg_i32_optimised(R0, 0x12); }), (Bytes{0x12, 0x20}));
    // [mc] movw r0, #0x5678; movt r0, #0x1234
    EXPECT_EQ(v7([](AsmThumb& as) { as.mov_reg_i32_optimised(R0, 0x5678); }), (Bytes{0x45, 0xf2, 0x78, 0x60}));
    EXPECT_EQ(v7([](AsmThumb& as) { as.mov_reg_i32_optimised(R0, 0x12345678); }),
              (Bytes{0x45, 0xf2, 0x78, 0x60, 0xc1, 0xf2, 0x34, 0x20}));
    // a high register never takes the 8-bit form: [mc] movw r8, #5
    EXPECT_EQ(v7([](AsmThumb& as) { as.mov_reg_i32_optimised(R8, 5); }), (Bytes{0x40, 0xf2, 0x05, 0x08}));
}

TEST(AsmThumbImmediates, Armv6mShiftedByte) {
    // 0x1200 = 9 << 9: [mc] movs r0, #9; lsls r0, r0, #9
    EXPECT_EQ(v6([](AsmThumb& as) { as.mov_reg_i32_optimised(R0, 0x1200); }), (Bytes{0x09, 0x20, 0x40, 0x02}));
}

TEST(AsmThumbImmediates, Armv6mNegativeIsNegated) {
    // -1: movs r0, #1; lsls r0, r0, #0; [mc] rsbs r0, r0, #0 (negs)
    EXPECT_EQ(v6([](AsmThumb& as) { as.mov_reg_i32_optimised(R0, -1); }),
              (Bytes{0x01, 0x20, 0x00, 0x00, 0x40, 0x42}));
}

TEST(AsmThumbImmediates, Armv6mSixteenBitsInThreeSteps) {
    // 0x1234: movs r0, #0x12; lsls r0, r0, #8; [mc] adds r0, #0x34
    EXPECT_EQ(v6([](AsmThumb& as) { as.mov_reg_i32_optimised(R0, 0x1234); }),
              (Bytes{0x12, 0x20, 0x00, 0x02, 0x34, 0x30}));
}

TEST(AsmThumbImmediates, Armv6mLiteralWordIsWordAligned) {
    // ldr r0, [pc, #0]; b.n over the word; .word
    EXPECT_EQ(v6([](AsmThumb& as) { as.mov_reg_i32_optimised(R0, 0x12345678); }),
              (Bytes{0x00, 0x48, 0x01, 0xe0, 0x78, 0x56, 0x34, 0x12}));
    // at an odd halfword a nop comes first
    EXPECT_EQ(v6([](AsmThumb& as) {
                  as.op16(kNop);
                  as.mov_reg_i32_optimised(R1, 0x12345678);
              }),
              (Bytes{0x00, 0xbf, 0x00, 0xbf, 0x00, 0x49, 0x01, 0xe0, 0x78, 0x56, 0x34, 0x12}));
}

// ---- memory --------------------------------------------------------------------------------------

TEST(AsmThumbMemory, ShortOffsetsUseTheSixteenBitForm) {
    EXPECT_EQ(v6([](AsmThumb& as) {
                  as.load_reg_reg_offset(R0, R7, 3, 2);  // [mc] ldr r0, [r7, #12]
                  as.load_reg_reg_offset(R5, R6, 2, 1);  // [mc] ldrh r5, [r6, #4]
              }),
              (Bytes{0xf8, 0x68, 0xb5, 0x88}));
}

TEST(AsmThumbMemory, FarOffsets) {
    // the function table entry 40: armv7m [mc] ldr.w r3, [r7, #160]
    EXPECT_EQ(v7([](AsmThumb& as) { as.load_reg_reg_offset(R3, R7, 40, 2); }), (Bytes{0xd7, 0xf8, 0xa0, 0x30}));
    // armv6m: [mc] mov r3, r7; adds r3, #36; ldr r3, [r3, #124]
    EXPECT_EQ(v6([](AsmThumb& as) { as.load_reg_reg_offset(R3, R7, 40, 2); }),
              (Bytes{0x3b, 0x46, 0x24, 0x33, 0xdb, 0x6f}));
    // [mc] strb.w r1, [r2, #300]
    EXPECT_EQ(v7([](AsmThumb& as) { as.store_reg_reg_offset(R1, R2, 300, 0); }), (Bytes{0x82, 0xf8, 0x2c, 0x11}));
}

TEST(AsmThumbMemory, Armv6mFarStoreSavesTheBase) {
    // push {r2}; adds r2, #(300-31); strb r1, [r2, #31]; pop {r2} -- the base comes back intact
    const Bytes b = v6([](AsmThumb& as) { as.store_reg_reg_offset(R1, R2, 300, 0); });
    ASSERT_GE(b.size(), 4u);
    EXPECT_EQ(b[0], 0x04);  // push {r2}
    EXPECT_EQ(b[1], 0xb4);
    EXPECT_EQ(b[b.size() - 2], 0x04);  // pop {r2}
    EXPECT_EQ(b[b.size() - 1], 0xbc);
}

TEST(AsmThumbMemory, RegisterMoves) {
    EXPECT_EQ(v6([](AsmThumb& as) {
                  as.mov_reg_reg(R3, R7);  // [mc] mov r3, r7
                  as.mov_reg_reg(R8, R1);  // [mc] mov r8, r1
                  as.mov_reg_reg(R1, R9);  // [mc] mov r1, r9
              }),
              (Bytes{0x3b, 0x46, 0x88, 0x46, 0x49, 0x46}));
}

// ---- branches ------------------------------------------------------------------------------------

TEST(AsmThumbBranches, BackwardJumpInRangeIsNarrow) {
    const Bytes b = v7([](AsmThumb& as) {
        as.label_assign(0);
        as.op16(kNop);
        as.b_label(0);  // at 2, pc reads 6: b.n -6 (imm11 = -3)
    });
    EXPECT_EQ(b, (Bytes{0x00, 0xbf, 0xfd, 0xe7}));
}

TEST(AsmThumbBranches, ForwardJumpIsWideOnArmv7m) {
    const Bytes b = v7([](AsmThumb& as) {
        as.b_label(0);
        as.label_assign(0);
    });
    EXPECT_EQ(b, (Bytes{0x00, 0xf0, 0x00, 0xb8}));  // b.w +0
}

TEST(AsmThumbBranches, ForwardJumpOnArmv6mHasAFixedSize) {
    // b.n then nops up to 8 bytes (10 when it starts at an odd halfword)
    EXPECT_EQ(v6([](AsmThumb& as) {
                  as.b_label(0);
                  as.label_assign(0);
              }),
              (Bytes{0x02, 0xe0, 0x00, 0xbf, 0x00, 0xbf, 0x00, 0xbf}));
    EXPECT_EQ(v6([](AsmThumb& as) {
                  as.op16(kNop);
                  as.b_label(0);
                  as.label_assign(0);
              })
                  .size(),
              12u);
}

TEST(AsmThumbBranches, ConditionalForwardOnArmv6mInvertsOverALongBranch) {
    // [rule] bne over the long branch; the long branch starts at an odd halfword, so it is
    // b.n + four nops (10 bytes): bne +8; b.n +6; nop x4
    EXPECT_EQ(v6([](AsmThumb& as) {
                  as.bcc_label(EQ, 0);
                  as.label_assign(0);
              }),
              (Bytes{0x04, 0xd1, 0x03, 0xe0, 0x00, 0xbf, 0x00, 0xbf, 0x00, 0xbf, 0x00, 0xbf}));
    // armv7m: beq.w
    EXPECT_EQ(v7([](AsmThumb& as) {
                  as.bcc_label(EQ, 0);
                  as.label_assign(0);
              }),
              (Bytes{0x00, 0xf0, 0x00, 0x80}));
}

TEST(AsmThumbBranches, PcRelativeAddressHasTheThumbBit) {
    // movw r0, #rel; sxth r0, r0; add r0, pc, with the label right after (at 8): the add at 6
    // reads pc = 10, so rel = (8 | 1) - 10 = -1 and r0 ends as 9, the label with the Thumb bit.
    const Bytes b = v7([](AsmThumb& as) {
        as.mov_reg_pcrel(R0, 0);
        as.label_assign(0);
    });
    ASSERT_EQ(b.size(), 8u);
    EXPECT_EQ((Bytes{b[4], b[5], b[6], b[7]}), (Bytes{0x00, 0xb2, 0x78, 0x44}));  // [mc] sxth; add r0, pc
    EXPECT_EQ((Bytes{b[0], b[1], b[2], b[3]}), (Bytes{0x4f, 0xf6, 0xff, 0x70}));  // movw r0, #0xffff
}

TEST(AsmThumbBranches, IndirectCallThroughTheFunctionTable) {
    // ldr r3, [r7, #8]; [mc] blx r3
    EXPECT_EQ(v6([](AsmThumb& as) { as.bl_ind(2, R3); }), (Bytes{0xbb, 0x68, 0x98, 0x47}));
}

// ---- the back end's generic operations ------------------------------------------------------------

Bytes backend(NativeArch arch, const std::function<void(NativeAsm&)>& body,
              CompatVersion compat = CompatVersion::V1_27) {
    std::unique_ptr<NativeAsm> as = make_native_asm(NativeConfig{arch, compat});
    as->set_num_labels(4);
    as->start_pass(false);
    body(*as);
    as->start_pass(true);
    body(*as);
    return as->bytes();
}

TEST(ThumbBackend, CompareToBoolUsesItOnArmv7m) {
    // [mc] cmp r1, r2; ite lt; movs r0, #1; movs r0, #0
    EXPECT_EQ(backend(NativeArch::ArmV7EMSP,
                      [](NativeAsm& as) { as.compare_to_bool(NCompare::Less, false, R1, R2, R0); }),
              (Bytes{0x91, 0x42, 0xb4, 0xbf, 0x01, 0x20, 0x00, 0x20}));
}

TEST(ThumbBackend, CompareToBoolBranchesOnArmv6m) {
    // cmp r1, r2; bcc +2; movs r0, #0; b +0; movs r0, #1  (unsigned less: carry clear)
    EXPECT_EQ(backend(NativeArch::ArmV6M, [](NativeAsm& as) { as.compare_to_bool(NCompare::Less, true, R1, R2, R0); }),
              (Bytes{0x91, 0x42, 0x01, 0xd3, 0x00, 0x20, 0x00, 0xe0, 0x01, 0x20}));
}

TEST(ThumbBackend, IndexedAccessScalesTheIndex) {
    // ptr16 load (1.27): lsls r1, r1, #1; [mc] ldrh r0, [r2, r1]
    EXPECT_EQ(backend(NativeArch::ArmV6M, [](NativeAsm& as) { as.load_indexed(NWidth::W16, R0, R2, R1); }),
              (Bytes{0x49, 0x00, 0x50, 0x5a}));
    // ptr16 load (1.28 keeps the index): lsls r2, r1, #1 (temp2); [mc] ldrh r0, [r3, r2]
    EXPECT_EQ(backend(
                  NativeArch::ArmV6M, [](NativeAsm& as) { as.load_indexed(NWidth::W16, R0, R3, R1); },
                  CompatVersion::V1_28),
              (Bytes{0x4a, 0x00, 0x98, 0x5a}));
    // ptr32 store (1.28 saves the index): push {r1}; lsls r1, r1, #2; [mc] str r0, [r3, r1]; pop {r1}
    EXPECT_EQ(backend(
                  NativeArch::ArmV6M, [](NativeAsm& as) { as.store_indexed(NWidth::W32, R0, R3, R1); },
                  CompatVersion::V1_28),
              (Bytes{0x02, 0xb4, 0x89, 0x00, 0x58, 0x50, 0x02, 0xbc}));
    // ptr8 store: [mc] strb r1, [r2, r3]
    EXPECT_EQ(backend(NativeArch::ArmV7M, [](NativeAsm& as) { as.store_indexed(NWidth::W8, R1, R2, R3); }),
              (Bytes{0xd1, 0x54}));
}

TEST(ThumbBackend, ClearRegIsAMoveOfZero) {
    // 1.28's register clear: movs r3, #0 (1.27 wrote eors r3, r3 through xor_)
    EXPECT_EQ(backend(NativeArch::ArmV6M, [](NativeAsm& as) { as.clear_reg(R3); }, CompatVersion::V1_28),
              (Bytes{0x00, 0x23}));
    EXPECT_EQ(backend(NativeArch::ArmV6M, [](NativeAsm& as) { as.xor_(R3, R3); }), (Bytes{0x5b, 0x40}));
}

TEST(ThumbBackend, TargetFacts) {
    const std::unique_ptr<NativeAsm> as = make_native_asm(NativeConfig{NativeArch::ArmV7EMDP});
    EXPECT_EQ(as->target().word_size, 4u);
    EXPECT_EQ(as->target().nlr_buf_words, 19);
    EXPECT_EQ(as->target().fun_table, R7);
    EXPECT_FALSE(as->target().shift_count_reg.has_value());
}

}  // namespace
}  // namespace mpy
