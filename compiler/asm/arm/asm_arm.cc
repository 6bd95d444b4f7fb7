#include "compiler/asm/arm/asm_arm.h"


namespace mpy {

namespace arm {

namespace {

constexpr std::uint32_t kImmediateOperand = 1u << 25;  // data processing: operand 2 is an immediate
constexpr std::uint32_t kSetFlags = 1u << 20;
constexpr std::uint32_t kPreIndex = 1u << 24;
constexpr std::uint32_t kAddOffset = 1u << 23;  // U: offset added to the base
constexpr std::uint32_t kLoad = 1u << 20;

std::uint32_t dp(DataOp op, unsigned rd, unsigned rn) {
    const std::uint32_t s = op == CMP ? kSetFlags : 0;
    return (static_cast<std::uint32_t>(op) << 21) | s | (rn << 16) | (rd << 12);
}

}  // namespace

std::uint32_t encode_dp_imm(DataOp op, unsigned rd, unsigned rn, std::uint32_t imm8) {
    return kImmediateOperand | dp(op, rd, rn) | imm8;
}

std::uint32_t encode_dp_reg(DataOp op, unsigned rd, unsigned rn, unsigned rm, ShiftType shift, unsigned amount) {
    return dp(op, rd, rn) | (amount << 7) | (static_cast<std::uint32_t>(shift) << 5) | rm;
}

std::uint32_t encode_mov_shift_reg(unsigned rd, unsigned rm, ShiftType shift, unsigned rs) {
    return dp(MOV, rd, 0) | (rs << 8) | (static_cast<std::uint32_t>(shift) << 5) | (1u << 4) | rm;
}

std::uint32_t encode_mul(unsigned rd, unsigned rm, unsigned rs) { return (rd << 16) | (rs << 8) | 0x90 | rm; }

std::uint32_t encode_word_byte_imm(bool load, bool byte, unsigned rd, unsigned rn, std::uint32_t offset12) {
    return (1u << 26) | kPreIndex | kAddOffset | (byte ? 1u << 22 : 0) | (load ? kLoad : 0) | (rn << 16) |
           (rd << 12) | offset12;
}

std::uint32_t encode_word_byte_reg(bool load, bool byte, unsigned rd, unsigned rn, unsigned rm, unsigned shift) {
    // Register offset: the I bit (25) set, rm shifted left by `shift`.
    return encode_word_byte_imm(load, byte, rd, rn, 0) | (1u << 25) | (shift << 7) | rm;
}

std::uint32_t encode_half_imm(bool load, unsigned rd, unsigned rn, std::uint32_t offset8) {
    // The 8-bit offset is split in two nibbles around the 1011 (halfword) marker; bit 22 says
    // "immediate offset".
    return kPreIndex | kAddOffset | (1u << 22) | (load ? kLoad : 0) | (rn << 16) | (rd << 12) |
           ((offset8 & 0xf0) << 4) | 0xb0 | (offset8 & 0xf);
}

std::uint32_t encode_half_reg(bool load, unsigned rd, unsigned rn, unsigned rm) {
    return kPreIndex | kAddOffset | (load ? kLoad : 0) | (rn << 16) | (rd << 12) | 0xb0 | rm;
}

std::uint32_t encode_push(unsigned reglist) {
    // stmdb sp!: pre-decrement, write back.
    return 0x8000000 | kPreIndex | (1u << 21) | (SP << 16) | (reglist & 0xffff);
}

std::uint32_t encode_pop(unsigned reglist) {
    // ldmia sp!: post-increment, write back.
    return 0x8000000 | kAddOffset | (1u << 21) | kLoad | (SP << 16) | (reglist & 0xffff);
}

std::uint32_t encode_branch(std::int64_t word_offset) {
    return 0xa000000 | (static_cast<std::uint32_t>(word_offset) & 0xffffff);
}

std::uint32_t encode_bx(unsigned rm) { return 0x12fff10 | rm; }

}  // namespace arm

using namespace arm;

void AsmArm::op(std::uint32_t op, Cond cc) { word(op | (static_cast<std::uint32_t>(cc) << 28)); }

void AsmArm::word(std::uint32_t value) { data(4, value); }

void AsmArm::entry(int num_locals) {
    // r1-r8 (r8: the scratch register) are saved whatever the function uses.
    push_reglist_ = (1u << R1) | (1u << R2) | (1u << R3) | (1u << R4) | (1u << R5) | (1u << R6) | (1u << R7) |
                    (1u << R8);
    stack_adjust_ = 0;
    // The reference reserves stack only past three locals, and keeps sp 8-byte aligned.
    if (num_locals > 3) {
        stack_adjust_ = static_cast<std::uint32_t>(num_locals) * 4;
        if (num_locals & 1) stack_adjust_ += 4;
    }
    push(push_reglist_ | (1u << LR));
    if (stack_adjust_ > 0) adjust_sp(SUB);
}

void AsmArm::exit() {
    if (stack_adjust_ > 0) adjust_sp(ADD);
    pop(push_reglist_ | (1u << PC));
}

void AsmArm::adjust_sp(DataOp o) {
    if (stack_adjust_ < 0x100) {
        op(encode_dp_imm(o, SP, SP, stack_adjust_));
    } else {
        mov_reg_i32_optimised(kTemp, static_cast<std::int32_t>(stack_adjust_));
        op(encode_dp_reg(o, SP, SP, kTemp));
    }
}

// The slot's byte offset is OR-ed into the 12-bit field unchecked, as the reference does (past
// 1023 locals it spills into the register fields).
void AsmArm::mov_local_reg(int local, unsigned src) {
    op(encode_word_byte_imm(false, false, src, SP, 0) | (static_cast<std::uint32_t>(local) << 2));
}

void AsmArm::mov_reg_local(unsigned dest, int local) {
    op(encode_word_byte_imm(true, false, dest, SP, 0) | (static_cast<std::uint32_t>(local) << 2));
}

void AsmArm::mov_reg_local_addr(unsigned dest, int local) {
    const auto offset = static_cast<std::uint32_t>(local) << 2;
    if (local >= 0x40) {
        mov_reg_i32_optimised(kTemp, static_cast<std::int32_t>(offset));
        op(encode_dp_reg(ADD, dest, SP, kTemp));
    } else {
        op(encode_dp_imm(ADD, dest, SP, offset & 0xff));
    }
}

void AsmArm::mov_reg_pcrel(unsigned dest, std::size_t label) {
    // The literal is the distance from the `add` below (pc reads 8 ahead of it, and the add is
    // 12 bytes after this point) to the label.
    const std::int64_t rel = label_offset(label) - static_cast<std::int64_t>(code_pos()) - (12 + 8);
    op(encode_word_byte_imm(true, false, dest, PC, 0));  // ldr dest, [pc]
    op(encode_branch(0));                                // b over the literal
    word(static_cast<std::uint32_t>(rel));
    op(encode_dp_reg(ADD, dest, dest, PC));
}

std::size_t AsmArm::mov_reg_i32(unsigned dest, std::uint32_t value) {
    op(encode_word_byte_imm(true, false, dest, PC, 0));  // ldr dest, [pc] (reads pc + 8: the literal)
    op(encode_branch(0));                                // b pc + 8: over the literal
    const std::size_t literal = code_pos();
    word(value);
    return literal;
}

void AsmArm::mov_reg_i32_optimised(unsigned dest, std::int32_t value) {
    if ((value & 0xff) == value) {
        op(encode_dp_imm(MOV, dest, 0, static_cast<std::uint32_t>(value)));
    } else if (value < 0 && value >= -256) {
        op(encode_dp_imm(MVN, dest, 0, static_cast<std::uint32_t>(~value)));
    } else {
        mov_reg_i32(dest, static_cast<std::uint32_t>(value));
    }
}

void AsmArm::setcc(unsigned dest, Cond cc) {
    // Flipping the low bit of a condition gives its opposite.
    op(encode_dp_imm(MOV, dest, 0, 1), cc);
    op(encode_dp_imm(MOV, dest, 0, 0), static_cast<Cond>(cc ^ 1));
}

void AsmArm::access(bool load, Size size, unsigned reg, unsigned base, std::uint32_t byte_offset) {
    const bool half = size == Size::Half;
    const bool byte = size == Size::Byte;
    if (byte_offset < (half ? 0x100u : 0x1000u)) {
        op(half ? encode_half_imm(load, reg, base, byte_offset)
                : encode_word_byte_imm(load, byte, reg, base, byte_offset));
        return;
    }
    mov_reg_i32_optimised(kTemp, static_cast<std::int32_t>(byte_offset));
    op(half ? encode_half_reg(load, reg, base, kTemp) : encode_word_byte_reg(load, byte, reg, base, kTemp, 0));
}

void AsmArm::ldr_reg_reg_offset(unsigned rd, unsigned base, std::uint32_t o) { access(true, Size::Word, rd, base, o); }
void AsmArm::ldrh_reg_reg_offset(unsigned rd, unsigned base, std::uint32_t o) { access(true, Size::Half, rd, base, o); }
void AsmArm::ldrb_reg_reg_offset(unsigned rd, unsigned base, std::uint32_t o) { access(true, Size::Byte, rd, base, o); }
void AsmArm::str_reg_reg_offset(unsigned rs, unsigned base, std::uint32_t o) { access(false, Size::Word, rs, base, o); }
void AsmArm::strh_reg_reg_offset(unsigned rs, unsigned base, std::uint32_t o) {
    access(false, Size::Half, rs, base, o);
}
void AsmArm::strb_reg_reg_offset(unsigned rs, unsigned base, std::uint32_t o) {
    access(false, Size::Byte, rs, base, o);
}

void AsmArm::ldr_reg_reg_reg(unsigned rd, unsigned base, unsigned index) {
    op(encode_word_byte_reg(true, false, rd, base, index, 2));
}
void AsmArm::ldrb_reg_reg_reg(unsigned rd, unsigned base, unsigned index) {
    op(encode_word_byte_reg(true, true, rd, base, index, 0));
}
void AsmArm::str_reg_reg_reg(unsigned rs, unsigned base, unsigned index) {
    op(encode_word_byte_reg(false, false, rs, base, index, 2));
}
void AsmArm::strb_reg_reg_reg(unsigned rs, unsigned base, unsigned index) {
    op(encode_word_byte_reg(false, true, rs, base, index, 0));
}
// The halfword transfers take no scaled index: r8 = index * 2 first.
void AsmArm::ldrh_reg_reg_reg(unsigned rd, unsigned base, unsigned index) {
    op(encode_dp_reg(MOV, kTemp, 0, index, LSL, 1));
    op(encode_half_reg(true, rd, base, kTemp));
}
void AsmArm::strh_reg_reg_reg(unsigned rs, unsigned base, unsigned index) {
    op(encode_dp_reg(MOV, kTemp, 0, index, LSL, 1));
    op(encode_half_reg(false, rs, base, kTemp));
}

void AsmArm::bcc_label(Cond cc, std::size_t label) {
    // pc reads 8 bytes ahead; the offset counts words.  An unplaced label (size pass) reads as
    // -1, which still fits, and the instruction is one word either way.
    const std::int64_t rel = (label_offset(label) - static_cast<std::int64_t>(code_pos()) - 8) >> 2;
    if (rel < -(1 << 23) || rel >= (1 << 23)) {
        // The reference prints a warning and writes nothing, leaving broken code; a function
        // of 32 MiB cannot be compiled for a microcontroller anyway.
        throw NativeAsmLimit("branch does not fit in 24 bits");
    }
    op(encode_branch(rel), cc);
}

void AsmArm::bl_ind(std::size_t fun) {
    op(encode_dp_reg(MOV, LR, 0, PC));                                                    // mov lr, pc
    op(encode_word_byte_imm(true, false, PC, R7, static_cast<std::uint32_t>(fun) << 2));  // ldr pc, [r7, #4*fun]
}

}  // namespace mpy
