// ARM-mode (32-bit A32 instructions) assembler for the native emitter (`-march=armv6`).
//
// It writes exactly the bytes MicroPython's ARM assembler (1.27.0 and 1.28.0 write the same) writes
// for the same operations.  The choices that pins down:
//   - every instruction is one 32-bit word; a constant that is not an 8-bit value (or the
//     complement of one) becomes `ldr rd, [pc]; b pc` followed by the literal word;
//   - every branch is the one-word `b<cc>` with a 24-bit word offset, forward or backward, so
//     label offsets never change between passes;
//   - the frame is `push {r1-r8, lr}`; with more than three locals, `sub sp, #4*n` (n rounded up
//     to even); local slot i is [sp + 4*i];
//   - r8 is the assembler's scratch register (far offsets, halfword indexing, big frames).
//
// Passes, labels and dead code: see compiler/asm_base.h.
#pragma once

#include <cstddef>
#include <cstdint>

#include "compiler/asm/base/asm_base.h"

namespace mpy {

namespace arm {

enum Reg : std::uint8_t {
    R0 = 0, R1, R2, R3, R4, R5, R6, R7, R8, R9, R10, R11, R12, SP = 13, LR = 14, PC = 15,
};

// Condition codes (bits 31..28 of every instruction).
enum Cond : std::uint8_t {
    EQ = 0x0, NE = 0x1, CS = 0x2, CC = 0x3, MI = 0x4, PL = 0x5, VS = 0x6, VC = 0x7,
    HI = 0x8, LS = 0x9, GE = 0xa, LT = 0xb, GT = 0xc, LE = 0xd, AL = 0xe,
};

// The scratch register of the assembler's multi-instruction sequences.
inline constexpr Reg kTemp = R8;

// The opcode field (bits 24..21) of the data-processing instructions.
enum DataOp : std::uint8_t {
    AND = 0x0, EOR = 0x1, SUB = 0x2, RSB = 0x3, ADD = 0x4, CMP = 0xa, ORR = 0xc, MOV = 0xd, MVN = 0xf,
};

enum ShiftType : std::uint8_t { LSL = 0, LSR = 1, ASR = 2 };

// ---- encodings (condition field left zero; the assembler adds it) ----------------------------
// Data processing, operand 2 an 8-bit immediate (no rotation).  CMP sets the flags (S bit).
std::uint32_t encode_dp_imm(DataOp op, unsigned rd, unsigned rn, std::uint32_t imm8);
// Data processing, operand 2 register rm shifted by an immediate amount.
std::uint32_t encode_dp_reg(DataOp op, unsigned rd, unsigned rn, unsigned rm, ShiftType shift = LSL,
                            unsigned amount = 0);
// mov rd, rm, <shift> rs (shift by a register).
std::uint32_t encode_mov_shift_reg(unsigned rd, unsigned rm, ShiftType shift, unsigned rs);
// mul rd, rm, rs.
std::uint32_t encode_mul(unsigned rd, unsigned rm, unsigned rs);
// ldr/str/ldrb/strb rd, [rn, #offset12] (pre-indexed, offset added).
std::uint32_t encode_word_byte_imm(bool load, bool byte, unsigned rd, unsigned rn, std::uint32_t offset12);
// ldr/str/ldrb/strb rd, [rn, rm, lsl #shift].
std::uint32_t encode_word_byte_reg(bool load, bool byte, unsigned rd, unsigned rn, unsigned rm, unsigned shift);
// ldrh/strh rd, [rn, #offset8].
std::uint32_t encode_half_imm(bool load, unsigned rd, unsigned rn, std::uint32_t offset8);
// ldrh/strh rd, [rn, rm].
std::uint32_t encode_half_reg(bool load, unsigned rd, unsigned rn, unsigned rm);
// stmdb sp!, {list} / ldmia sp!, {list}.
std::uint32_t encode_push(unsigned reglist);
std::uint32_t encode_pop(unsigned reglist);
// b<cc> with a word offset (24 bits, taken modulo the field).
std::uint32_t encode_branch(std::int64_t word_offset);
std::uint32_t encode_bx(unsigned rm);

}  // namespace arm

class AsmArm : public AsmBase {
public:
    using Reg = arm::Reg;
    using Cond = arm::Cond;

    AsmArm() : AsmBase("AsmArm") {}

    // ---- raw instructions ---------------------------------------------------------------------
    // One instruction word; `op` carries no condition, `cc` supplies it.
    void op(std::uint32_t op, Cond cc = arm::AL);
    // A literal word as it is (no condition added).
    void word(std::uint32_t value);

    // ---- frame ------------------------------------------------------------------------------------
    void entry(int num_locals);
    void exit();
    void push(unsigned reglist) { op(arm::encode_push(reglist)); }
    void pop(unsigned reglist) { op(arm::encode_pop(reglist)); }
    void mov_local_reg(int local, unsigned src);           // str src, [sp, #4*local]
    void mov_reg_local(unsigned dest, int local);          // ldr dest, [sp, #4*local]
    void mov_reg_local_addr(unsigned dest, int local);     // dest = sp + 4*local
    // dest = address of `label`, position independent (a pc-relative literal added to pc).
    void mov_reg_pcrel(unsigned dest, std::size_t label);

    // ---- moves ------------------------------------------------------------------------------------
    void mov_reg_reg(unsigned dest, unsigned src) { op(arm::encode_dp_reg(arm::MOV, dest, 0, src)); }
    // A full 32-bit constant as `ldr dest, [pc]; b pc; .word value`; returns the literal's offset.
    std::size_t mov_reg_i32(unsigned dest, std::uint32_t value);
    // mov (0..255), mvn (-256..-1), else mov_reg_i32 (ASM_MOV_REG_IMM).
    void mov_reg_i32_optimised(unsigned dest, std::int32_t value);
    // dest = cc ? 1 : 0 from the flags.
    void setcc(unsigned dest, Cond cc);

    // ---- arithmetic -------------------------------------------------------------------------------
    void cmp_reg_i8(unsigned rn, std::uint32_t imm8) { op(arm::encode_dp_imm(arm::CMP, 0, rn, imm8 & 0xff)); }
    void cmp_reg_reg(unsigned rn, unsigned rm) { op(arm::encode_dp_reg(arm::CMP, 0, rn, rm)); }
    void dp_reg(arm::DataOp o, unsigned rd, unsigned rn, unsigned rm) { op(arm::encode_dp_reg(o, rd, rn, rm)); }
    void mvn_reg_reg(unsigned rd, unsigned rm) { op(arm::encode_dp_reg(arm::MVN, rd, 0, rm)); }
    // rd = imm8 - rn.
    void rsb_reg_reg_imm(unsigned rd, unsigned rn, std::uint32_t imm8) {
        op(arm::encode_dp_imm(arm::RSB, rd, rn, imm8 & 0xff));
    }
    void mul(unsigned rd, unsigned rm, unsigned rs) { op(arm::encode_mul(rd, rm, rs)); }
    // rd = rd <shift> rs.
    void shift_reg_reg(arm::ShiftType shift, unsigned rd, unsigned rs) {
        op(arm::encode_mov_shift_reg(rd, rd, shift, rs));
    }

    // ---- memory -----------------------------------------------------------------------------------
    // [base + byte_offset]; offsets past the immediate field go through r8.
    void ldr_reg_reg_offset(unsigned rd, unsigned base, std::uint32_t byte_offset);
    void ldrh_reg_reg_offset(unsigned rd, unsigned base, std::uint32_t byte_offset);
    void ldrb_reg_reg_offset(unsigned rd, unsigned base, std::uint32_t byte_offset);
    void str_reg_reg_offset(unsigned rs, unsigned base, std::uint32_t byte_offset);
    void strh_reg_reg_offset(unsigned rs, unsigned base, std::uint32_t byte_offset);
    void strb_reg_reg_offset(unsigned rs, unsigned base, std::uint32_t byte_offset);
    // [base + index * element size] (the halfword forms scale the index into r8).
    void ldr_reg_reg_reg(unsigned rd, unsigned base, unsigned index);
    void ldrh_reg_reg_reg(unsigned rd, unsigned base, unsigned index);
    void ldrb_reg_reg_reg(unsigned rd, unsigned base, unsigned index);
    void str_reg_reg_reg(unsigned rs, unsigned base, unsigned index);
    void strh_reg_reg_reg(unsigned rs, unsigned base, unsigned index);
    void strb_reg_reg_reg(unsigned rs, unsigned base, unsigned index);

    // ---- control flow -----------------------------------------------------------------------------
    void bcc_label(Cond cc, std::size_t label);
    void b_label(std::size_t label) { bcc_label(arm::AL, label); }
    void bx_reg(unsigned reg) { op(arm::encode_bx(reg)); }
    // Calls entry `fun` of the function table (r7): `mov lr, pc; ldr pc, [r7, #4*fun]`.
    void bl_ind(std::size_t fun);

private:
    // sp = sp -/+ stack_adjust_ (through r8 when it does not fit 8 bits).
    void adjust_sp(arm::DataOp op);
    enum class Size : std::uint8_t { Byte, Half, Word };
    // A load or store at [base, #byte_offset] when the offset fits the immediate field (12 bits,
    // 8 for halfwords), else at [base, r8] with r8 = byte_offset.
    void access(bool load, Size size, unsigned reg, unsigned base, std::uint32_t byte_offset);

    unsigned push_reglist_ = 0;
    std::uint32_t stack_adjust_ = 0;
};

}  // namespace mpy
