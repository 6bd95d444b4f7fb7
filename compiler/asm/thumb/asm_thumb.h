// ARM Thumb assembler for the native emitter and the inline assembler (`-march=armv6m`, `armv7m`,
// `armv7em`, `armv7emsp`, `armv7emdp`).
//
// It writes exactly the bytes MicroPython 1.27's Thumb assembler writes for the same operations.
// The choices that pins down:
//   - armv6m (Thumb-1 plus a few Thumb-2 words) has no movw/movt, no wide conditional branches and
//     no 12-bit load offsets, so constants, long jumps and far loads take multi-instruction
//     sequences (literal words in the code, a branch over a branch, add-then-load); armv7m and
//     the armv7em* variants use the Thumb-2 forms;
//   - a jump is short only when it goes BACKWARD to a label already placed and the offset fits;
//     forward jumps take the long form (fixed size), so label offsets found in the size pass stay
//     valid in the emit pass;
//   - the frame is `push {r1-r7, lr}` (or {r1, r4-r7, lr} for at most one local), then
//     `sub sp, #4*n` with n rounded to keep sp 8-byte aligned; local slot i is [sp + 4*i].
//
// Passes, labels and dead code: see compiler/asm/base/asm_base.h.
#pragma once

#include <cstddef>
#include <cstdint>

#include "compiler/asm/base/asm_base.h"

namespace mpy {

namespace thumb {

enum Reg : std::uint8_t {
    R0 = 0, R1, R2, R3, R4, R5, R6, R7, R8, R9, R10, R11, R12, SP = 13, LR = 14, PC = 15,
};

// Condition codes (the `cond` field of conditional branches and IT blocks).
enum Cond : std::uint8_t {
    EQ = 0x0, NE = 0x1, CS = 0x2, CC = 0x3, MI = 0x4, PL = 0x5, VS = 0x6, VC = 0x7,
    HI = 0x8, LS = 0x9, GE = 0xa, LT = 0xb, GT = 0xc, LE = 0xd,
};

// Data-processing register operations (Thumb-1 "format 4": op rlo_dest, rlo_src).
enum AluOp : std::uint16_t {
    AND = 0x4000, EOR = 0x4040, LSL = 0x4080, LSR = 0x40c0, ASR = 0x4100, ADC = 0x4140,
    SBC = 0x4180, ROR = 0x41c0, TST = 0x4200, NEG = 0x4240, CMP = 0x4280, CMN = 0x42c0,
    ORR = 0x4300, MUL = 0x4340, BIC = 0x4380, MVN = 0x43c0,
};

inline constexpr std::uint16_t kNop = 0xbf00;

}  // namespace thumb

class AsmThumb : public AsmBase {
public:
    using Reg = thumb::Reg;
    using Cond = thumb::Cond;

    // armv7m: the target has Thumb-2 (armv7m, armv7em, armv7emsp, armv7emdp); false for armv6m.
    explicit AsmThumb(bool armv7m) : AsmBase("AsmThumb"), armv7m_(armv7m) {}
    bool armv7m() const { return armv7m_; }

    // ---- raw instructions ---------------------------------------------------------------------
    void op16(std::uint32_t op);
    void op32(std::uint32_t op1, std::uint32_t op2);

    // ---- frame ------------------------------------------------------------------------------------
    void entry(int num_locals);
    void exit();
    // Throw NativeAsmLimit in the emit pass when the slot is past the 8-bit offset.
    void mov_local_reg(int local, unsigned rlo_src);      // str rlo, [sp, #4*local]
    void mov_reg_local(unsigned rlo_dest, int local);     // ldr rlo, [sp, #4*local]
    void mov_reg_local_addr(unsigned rlo_dest, int local);  // add rlo, sp, #4*local
    // rlo_dest = address of `label` (with the Thumb bit set), position independent.
    void mov_reg_pcrel(unsigned rlo_dest, std::size_t label);

    // ---- moves ------------------------------------------------------------------------------------
    void mov_reg_reg(unsigned dest, unsigned src);          // mov (any registers)
    void mov_rlo_i8(unsigned rlo, unsigned i8) { format3(0x2000, rlo, i8); }
    void cmp_rlo_i8(unsigned rlo, unsigned i8) { format3(0x2800, rlo, i8); }
    void add_rlo_i8(unsigned rlo, unsigned i8) { format3(0x3000, rlo, i8); }
    void sub_rlo_i8(unsigned rlo, unsigned i8) { format3(0x3800, rlo, i8); }
    void ldr_rlo_pcrel_i8(unsigned rlo, unsigned i8) { format3(0x4800, rlo, i8); }
    // movw (movt=false) / movt of a 16-bit value.
    void mov_reg_i16(bool movt, unsigned dest, std::uint32_t i16);
    // A full 32-bit constant in fixed size (movw+movt, or a literal word on armv6m); returns
    // the offset of the sequence.
    std::size_t mov_reg_i32(unsigned dest, std::uint32_t value);
    // The shortest sequence the reference picks for `value` (ASM_MOV_REG_IMM).
    void mov_reg_i32_optimised(unsigned dest, std::int32_t value);

    // ---- arithmetic -------------------------------------------------------------------------------
    void alu(thumb::AluOp op, unsigned rlo_dest, unsigned rlo_src);
    void add_rlo_rlo_rlo(unsigned dest, unsigned a, unsigned b) { format2(0x1800, dest, a, b); }
    void sub_rlo_rlo_rlo(unsigned dest, unsigned a, unsigned b) { format2(0x1a00, dest, a, b); }
    void add_rlo_rlo_i3(unsigned dest, unsigned a, unsigned i3) { format2(0x1c00, dest, a, i3); }
    void sub_rlo_rlo_i3(unsigned dest, unsigned a, unsigned i3) { format2(0x1e00, dest, a, i3); }
    void lsl_rlo_rlo_i5(unsigned dest, unsigned src, unsigned shift) { format1(0x0000, dest, src, shift); }
    void lsr_rlo_rlo_i5(unsigned dest, unsigned src, unsigned shift) { format1(0x0800, dest, src, shift); }
    void asr_rlo_rlo_i5(unsigned dest, unsigned src, unsigned shift) { format1(0x1000, dest, src, shift); }
    void add_reg_reg(unsigned dest, unsigned src) { format5(0x4400, dest, src); }  // any registers
    void cmp_reg_reg(unsigned a, unsigned b) { format5(0x4500, a, b); }
    void sxth(unsigned dest, unsigned src) { format11(0xb200, dest, src); }
    void sxtb(unsigned dest, unsigned src) { format11(0xb240, dest, src); }
    void uxth(unsigned dest, unsigned src) { format11(0xb280, dest, src); }
    void uxtb(unsigned dest, unsigned src) { format11(0xb2c0, dest, src); }
    void it(Cond cc, unsigned mask) { op16(0xbf00 | (cc << 4) | mask); }

    // ---- memory -----------------------------------------------------------------------------------
    // size_log2: 0 byte, 1 halfword, 2 word; offset in elements.
    void load_reg_reg_offset(unsigned dest, unsigned base, std::uint32_t offset, unsigned size_log2);
    void store_reg_reg_offset(unsigned src, unsigned base, std::uint32_t offset, unsigned size_log2);
    // [base + index] with register index (no scaling).
    void ldr_rlo_rlo_rlo(unsigned d, unsigned b, unsigned i) { format7_8(0x5800, d, b, i); }
    void ldrb_rlo_rlo_rlo(unsigned d, unsigned b, unsigned i) { format7_8(0x5c00, d, b, i); }
    void ldrh_rlo_rlo_rlo(unsigned d, unsigned b, unsigned i) { format7_8(0x5a00, d, b, i); }
    void str_rlo_rlo_rlo(unsigned s, unsigned b, unsigned i) { format7_8(0x5000, s, b, i); }
    void strb_rlo_rlo_rlo(unsigned s, unsigned b, unsigned i) { format7_8(0x5400, s, b, i); }
    void strh_rlo_rlo_rlo(unsigned s, unsigned b, unsigned i) { format7_8(0x5200, s, b, i); }
    // [base + imm5 * size] (format 9/10; the offset is in elements).
    void format9_10(std::uint32_t op, unsigned rlo_dest, unsigned rlo_base, unsigned offset);
    void push_rlist(unsigned rlist) { op16(0xb400 | rlist); }
    void pop_rlist(unsigned rlist) { op16(0xbc00 | rlist); }

    // ---- control flow -----------------------------------------------------------------------------
    // b to `label`: short when backward and in range, else the fixed-size long form (armv6m:
    // may clobber r1).
    void b_label(std::size_t label);
    // b<cc> to `label`, same rule (armv6m: a short inverted branch over a b_label).
    void bcc_label(Cond cc, std::size_t label);
    // Narrow/wide forms for the inline assembler; false if the offset does not fit (emit pass).
    bool b_n_label(std::size_t label);
    bool bcc_nw_label(Cond cc, std::size_t label, bool wide);
    bool bl_label(std::size_t label);
    // b<cc> / b by a fixed byte distance from this instruction.
    void bcc_rel9(Cond cc, int rel);
    void b_rel12(int rel);
    void bx_reg(unsigned reg) { format5(0x4700, 0, reg); }
    void blx_reg(unsigned reg) { op16(0x4780 | (reg << 3)); }
    // Loads entry `fun` of the function table (r7) into `temp` and calls it.
    void bl_ind(std::size_t fun, unsigned temp);

private:
    void format1(std::uint32_t op, unsigned dest, unsigned src, unsigned offset);
    void format2(std::uint32_t op, unsigned dest, unsigned src, unsigned b);
    void format3(std::uint32_t op, unsigned rlo, unsigned i8);
    void format5(std::uint32_t op, unsigned dest, unsigned src);
    void format7_8(std::uint32_t op, unsigned dest, unsigned base, unsigned index);
    void format11(std::uint32_t op, unsigned dest, unsigned src);
    void mov_rlo_i16(unsigned rlo, std::uint32_t i16);
    void add_reg_reg_offset(unsigned dest, unsigned base, std::uint32_t offset, unsigned shift);
    void check_local(int local) const;
    void adjust_sp(std::uint32_t op_narrow, std::uint32_t op_wide, unsigned words);
    // Distance from the instruction here to `label`, as a branch sees it (pc is 4 ahead); the
    // label reads as offset -1 when not yet placed.
    std::int64_t branch_rel(std::size_t label) const;

    bool armv7m_;
    unsigned push_reglist_ = 0;
    unsigned stack_adjust_ = 0;
};

}  // namespace mpy
