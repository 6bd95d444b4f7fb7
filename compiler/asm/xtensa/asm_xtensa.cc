// Xtensa encodings and instruction choices for the native emitter and asm_xtensa; see
// asm_xtensa.h for the rules that make the output match mpy-cross byte for byte.
#include "compiler/asm/xtensa/asm_xtensa.h"

namespace mpy {

namespace xtensa {

namespace {

constexpr std::uint32_t field(std::uint32_t v, unsigned width, unsigned to) {
    return (v & ((std::uint32_t{1} << width) - 1)) << to;
}

}  // namespace

std::uint32_t encode_rrr(unsigned op0, unsigned op1, unsigned op2, unsigned r, unsigned s, unsigned t) {
    return field(op2, 4, 20) | field(op1, 4, 16) | field(r, 4, 12) | field(s, 4, 8) | field(t, 4, 4) | field(op0, 4, 0);
}

std::uint32_t encode_rri4(unsigned op0, unsigned op1, unsigned r, unsigned s, unsigned t, unsigned imm4) {
    return encode_rrr(op0, op1, imm4, r, s, t);
}

std::uint32_t encode_rri8(unsigned op0, unsigned r, unsigned s, unsigned t, unsigned imm8) {
    return field(imm8, 8, 16) | field(r, 4, 12) | field(s, 4, 8) | field(t, 4, 4) | field(op0, 4, 0);
}

std::uint32_t encode_ri16(unsigned op0, unsigned t, unsigned imm16) {
    return field(imm16, 16, 8) | field(t, 4, 4) | field(op0, 4, 0);
}

std::uint32_t encode_rsr(unsigned op0, unsigned op1, unsigned op2, unsigned rs, unsigned t) {
    return field(op2, 4, 20) | field(op1, 4, 16) | field(rs, 8, 8) | field(t, 4, 4) | field(op0, 4, 0);
}

std::uint32_t encode_call(unsigned op0, unsigned n, std::uint32_t offset18) {
    return field(offset18, 18, 6) | field(n, 2, 4) | field(op0, 4, 0);
}

std::uint32_t encode_callx(unsigned op0, unsigned op1, unsigned op2, unsigned r, unsigned s, unsigned m, unsigned n) {
    return field(op2, 4, 20) | field(op1, 4, 16) | field(r, 4, 12) | field(s, 4, 8) | field(m, 2, 6) |
           field(n, 2, 4) | field(op0, 4, 0);
}

std::uint32_t encode_bri8(unsigned op0, unsigned r, unsigned s, unsigned m, unsigned n, unsigned imm8) {
    return field(imm8, 8, 16) | field(r, 4, 12) | field(s, 4, 8) | field(m, 2, 6) | field(n, 2, 4) | field(op0, 4, 0);
}

std::uint32_t encode_bri12(unsigned op0, unsigned s, unsigned m, unsigned n, unsigned imm12) {
    return field(imm12, 12, 12) | field(s, 4, 8) | field(m, 2, 6) | field(n, 2, 4) | field(op0, 4, 0);
}

std::uint16_t encode_rrrn(unsigned op0, unsigned r, unsigned s, unsigned t) {
    return static_cast<std::uint16_t>(field(r, 4, 12) | field(s, 4, 8) | field(t, 4, 4) | field(op0, 4, 0));
}

// imm7[3:0] goes to bits 15..12, imm7[6:4] stays at bits 6..4.
std::uint16_t encode_ri7(unsigned op0, unsigned s, unsigned imm7) {
    return static_cast<std::uint16_t>(field(imm7, 4, 12) | field(s, 4, 8) | (imm7 & 0x70) | field(op0, 4, 0));
}

}  // namespace xtensa

using namespace xtensa;

void AsmXtensa::op16(std::uint32_t op) {
    if (std::uint8_t* c = reserve(2)) {
        c[0] = static_cast<std::uint8_t>(op);
        c[1] = static_cast<std::uint8_t>(op >> 8);
    }
}

void AsmXtensa::op24(std::uint32_t op) {
    if (std::uint8_t* c = reserve(3)) {
        c[0] = static_cast<std::uint8_t>(op);
        c[1] = static_cast<std::uint8_t>(op >> 8);
        c[2] = static_cast<std::uint8_t>(op >> 16);
    }
}

// ---- frame -----------------------------------------------------------------------------------------

// `j` over one padding byte and the pool: the pool starts word-aligned when the jump does.
void AsmXtensa::write_pool() {
    const bool jump = num_const_ > 0 || (options_.windowed && options_.always_jump_over_pool);
    if (!jump) return;
    j(static_cast<std::int32_t>(num_const_ * 4));
    reserve(1);
    pool_offset_ = code_pos();
    pool_ = reserve(num_const_ * 4);
}

void AsmXtensa::entry(int num_locals) {
    // The reference counts constants per pass and sizes the pool by the previous pass's count.
    num_const_ = cur_const_;
    cur_const_ = 0;
    pool_ = nullptr;
    write_pool();

    const auto frame_bytes = static_cast<std::uint32_t>(((saved_words() + num_locals) * 4 + 15) & ~15);
    if (options_.windowed) {
        stack_adjust_ = 32 + frame_bytes;
        op24(encode_bri12(6, A1, 0, 3, (stack_adjust_ / 8) & 0xfff));  // entry a1, stack_adjust
        s32i_n(A0, A1, 0);
        return;
    }
    stack_adjust_ = frame_bytes;
    if (signed_fit(-stack_adjust_, 8)) {
        addi(A1, A1, -static_cast<std::int32_t>(stack_adjust_));
    } else {
        movi(A9, static_cast<std::int32_t>(stack_adjust_));
        sub(A1, A1, A9);
    }
    s32i_n(A0, A1, 0);
    for (unsigned i = 1; i < 5; ++i) s32i_n(A11 + i, A1, i);
}

void AsmXtensa::exit() {
    if (options_.windowed) {
        l32i_n(A0, A1, 0);
        op16(encode_rrrn(13, 15, 0, 1));  // retw.n
        return;
    }
    for (unsigned i = 4; i >= 1; --i) l32i_n(A11 + i, A1, i);
    l32i_n(A0, A1, 0);
    if (signed_fit(stack_adjust_, 8)) {
        addi(A1, A1, static_cast<std::int32_t>(stack_adjust_));
    } else {
        movi(A9, static_cast<std::int32_t>(stack_adjust_));
        add_n(A1, A1, A9);
    }
    op16(encode_rrrn(13, 15, 0, 0));  // ret.n
}

void AsmXtensa::mov_local_reg(int local, unsigned src) { s32i(src, A1, saved_words() + local); }

void AsmXtensa::mov_reg_local(unsigned dest, int local) { l32i(dest, A1, saved_words() + local); }

void AsmXtensa::mov_reg_local_addr(unsigned dest, int local) {
    const auto offset = static_cast<std::uint32_t>((saved_words() + local) * 4);
    if (signed_fit(offset, 8)) {
        addi(dest, A1, static_cast<std::int32_t>(offset));
    } else {
        movi(dest, static_cast<std::int32_t>(offset));
        add_n(dest, dest, A1);
    }
}

// movi dest, label - (here + 6); call0 to the next word-aligned address (a0 = the return
// address, which is that address); the padding bytes; add.n dest, dest, a0.
void AsmXtensa::mov_reg_pcrel(unsigned dest, std::size_t label) {
    const auto target = static_cast<std::uint32_t>(label_offset(label));
    const auto rel = static_cast<std::int32_t>(target - static_cast<std::uint32_t>(code_pos()) - 6);
    movi(dest, rel);
    const auto pos = static_cast<std::uint32_t>(code_pos());
    call0(static_cast<std::int32_t>((pos >> 1) & 1));
    reserve((5 - pos) & 3);
    add_n(dest, dest, A0);
}

// ---- moves and memory --------------------------------------------------------------------------------

std::size_t AsmXtensa::mov_reg_i32(unsigned dest, std::uint32_t value) {
    const std::size_t location = pool_offset_ + cur_const_ * 4;
    l32r_at(dest, static_cast<std::uint32_t>(code_pos()), static_cast<std::uint32_t>(location));
    if (pool_ != nullptr && emitting()) {
        if (cur_const_ >= num_const_) internal_error("more constants than the literal pool holds");
        for (unsigned i = 0; i < 4; ++i) pool_[cur_const_ * 4 + i] = static_cast<std::uint8_t>(value >> (8 * i));
    }
    ++cur_const_;
    return location;
}

void AsmXtensa::mov_reg_i32_optimised(unsigned dest, std::uint32_t value) {
    const auto v = static_cast<std::int32_t>(value);
    if (v >= -32 && v <= 95) {
        movi_n(dest, v);
    } else if (signed_fit(value, 12)) {
        movi(dest, v);
    } else {
        mov_reg_i32(dest, value);
    }
}

void AsmXtensa::load_word_optimised(unsigned dest, unsigned base, std::size_t word_offset) {
    if (word_offset < 16) {
        l32i_n(dest, base, static_cast<unsigned>(word_offset));
    } else if (word_offset < 256) {
        l32i(dest, base, static_cast<unsigned>(word_offset));
    } else {
        mov_reg_i32_optimised(dest, static_cast<std::uint32_t>(word_offset * 4));
        add_n(dest, base, dest);
        l32i_n(dest, dest, 0);
    }
}

// l8ui / l16ui / l32i are RRI8 with r = 0, 1, 2; s8i / s16i / s32i with r = 4, 5, 6.
void AsmXtensa::load(unsigned dest, unsigned base, std::uint32_t offset, unsigned size_log2) {
    if (size_log2 == 2 && offset < 16) {
        l32i_n(dest, base, offset);
    } else if (offset < 256) {
        op24(encode_rri8(2, size_log2, base, dest, offset));
    } else {
        mov_reg_i32_optimised(dest, offset << size_log2);
        add_n(dest, base, dest);
        if (size_log2 == 2) {
            l32i_n(dest, dest, 0);
        } else {
            op24(encode_rri8(2, size_log2, dest, dest, 0));
        }
    }
}

void AsmXtensa::store(unsigned src, unsigned base, std::uint32_t offset, unsigned size_log2) {
    if (size_log2 == 2 && offset < 16) {
        s32i_n(src, base, offset);
    } else if (offset < 256) {
        op24(encode_rri8(2, 4 | size_log2, base, src, offset));
    } else {
        mov_reg_i32_optimised(A6, offset << size_log2);
        add_n(A6, base, A6);
        if (size_log2 == 2) {
            s32i_n(src, A6, 0);
        } else {
            op24(encode_rri8(2, 4 | size_log2, A6, src, 0));
        }
    }
}

void AsmXtensa::load_indexed(unsigned dest, unsigned base, unsigned index, unsigned size_log2) {
    switch (size_log2) {
        case 0:
            add_n(base, index, base);
            op24(encode_rri8(2, 0, base, dest, 0));  // l8ui
            break;
        case 1:
            addx2(base, index, base);
            op24(encode_rri8(2, 1, base, dest, 0));  // l16ui
            break;
        default:
            addx4(base, index, base);
            l32i_n(dest, base, 0);
            break;
    }
}

void AsmXtensa::store_indexed(unsigned src, unsigned base, unsigned index, unsigned size_log2) {
    switch (size_log2) {
        case 0:
            add_n(base, index, base);
            op24(encode_rri8(2, 4, base, src, 0));  // s8i
            break;
        case 1:
            addx2(base, index, base);
            op24(encode_rri8(2, 5, base, src, 0));  // s16i
            break;
        default:
            addx4(base, index, base);
            s32i_n(src, base, 0);
            break;
    }
}

// ---- control flow ----------------------------------------------------------------------------------

AsmXtensa::Displacement AsmXtensa::displacement_to(std::size_t label) const {
    const std::int64_t target = label_offset(label);
    const std::int64_t value = target - static_cast<std::int64_t>(code_pos()) - 4;
    return {value, target != -1 && value < 0};
}

void AsmXtensa::jump(std::size_t label) {
    // A forward label reads as -1 in the size pass; only the emit pass's offset is written.
    const auto target = static_cast<std::uint32_t>(label_offset(label));
    j(static_cast<std::int32_t>(target - static_cast<std::uint32_t>(code_pos()) - 4));
}

void AsmXtensa::branch_zero(unsigned condz, unsigned reg, std::size_t label) {
    const Displacement d = displacement_to(label);
    if (d.backward && signed_fit(static_cast<std::uint32_t>(d.value), 12)) {
        bccz(condz, reg, static_cast<std::int32_t>(d.value));
        return;
    }
    bccz(condz ^ 1, reg, 6 - 4);  // over the jump
    j(static_cast<std::int32_t>(d.value - 3));
}

void AsmXtensa::branch(unsigned cond, unsigned reg1, unsigned reg2, std::size_t label) {
    const Displacement d = displacement_to(label);
    if (d.backward && signed_fit(static_cast<std::uint32_t>(d.value), 8)) {
        bcc(cond, reg1, reg2, static_cast<std::int32_t>(d.value));
        return;
    }
    bcc(cond ^ 8, reg1, reg2, 6 - 4);  // over the jump
    j(static_cast<std::int32_t>(d.value - 3));
}

void AsmXtensa::set_cond(unsigned cond, unsigned dest, unsigned src1, unsigned src2) {
    movi_n(dest, 1);
    bcc(cond, src1, src2, 1);  // over the next (2-byte) instruction
    movi_n(dest, 0);
}

void AsmXtensa::call_ind(std::size_t index) {
    if (options_.windowed) {
        load_word_optimised(A8, A7, index);
        op24(encode_callx(0, 0, 0, 0, A8, 3, 2));  // callx8 a8
    } else {
        load_word_optimised(A0, A15, index);
        op24(encode_callx(0, 0, 0, 0, A0, 3, 0));  // callx0 a0
    }
}

}  // namespace mpy
