// RISC-V RV32IMC encodings and instruction choices for the native emitter; see asm_rv32.h for the
// rules that make the output match mpy-cross byte for byte.
#include "compiler/asm/rv32/asm_rv32.h"

#include <algorithm>
#include <bit>

namespace mpy {

namespace rv32 {

namespace {

// Bits [lo, lo+count) of v, moved to start at bit `to`.
constexpr std::uint32_t field(std::uint64_t v, unsigned lo, unsigned count, unsigned to) {
    return static_cast<std::uint32_t>(((v >> lo) & ((std::uint64_t{1} << count) - 1)) << to);
}

}  // namespace

std::uint32_t encode_r(unsigned opcode, unsigned funct3, unsigned funct7, unsigned rd, unsigned rs1, unsigned rs2) {
    return field(opcode, 0, 7, 0) | field(rd, 0, 5, 7) | field(funct3, 0, 3, 12) | field(rs1, 0, 5, 15) |
           field(rs2, 0, 5, 20) | field(funct7, 0, 7, 25);
}

std::uint32_t encode_i(unsigned opcode, unsigned funct3, unsigned rd, unsigned rs1, std::int64_t imm) {
    return field(opcode, 0, 7, 0) | field(rd, 0, 5, 7) | field(funct3, 0, 3, 12) | field(rs1, 0, 5, 15) |
           field(static_cast<std::uint64_t>(imm), 0, 12, 20);
}

std::uint32_t encode_s(unsigned opcode, unsigned funct3, unsigned rs1, unsigned rs2, std::int64_t imm) {
    const auto u = static_cast<std::uint64_t>(imm);
    return field(opcode, 0, 7, 0) | field(u, 0, 5, 7) | field(funct3, 0, 3, 12) | field(rs1, 0, 5, 15) |
           field(rs2, 0, 5, 20) | field(u, 5, 7, 25);
}

// Conditional branch (opcode 0x63): offset[12|10:5] rs2 rs1 funct3 offset[4:1|11].
std::uint32_t encode_b(unsigned funct3, unsigned rs1, unsigned rs2, std::int64_t offset) {
    const auto u = static_cast<std::uint64_t>(offset);
    return 0x63 | field(u, 11, 1, 7) | field(u, 1, 4, 8) | field(funct3, 0, 3, 12) | field(rs1, 0, 5, 15) |
           field(rs2, 0, 5, 20) | field(u, 5, 6, 25) | field(u, 12, 1, 31);
}

std::uint32_t encode_u(unsigned opcode, unsigned rd, std::uint64_t upper) {
    return field(opcode, 0, 7, 0) | field(rd, 0, 5, 7) | static_cast<std::uint32_t>(upper & 0xfffff000u);
}

// J (opcode 0x6f): offset[20|10:1|11|19:12] rd.
std::uint32_t encode_j(unsigned rd, std::int64_t offset) {
    const auto u = static_cast<std::uint64_t>(offset);
    return 0x6f | field(rd, 0, 5, 7) | field(u, 12, 8, 12) | field(u, 11, 1, 20) | field(u, 1, 10, 21) |
           field(u, 20, 1, 31);
}

std::uint32_t encode_csr_imm(unsigned funct3, unsigned rd, unsigned csr, std::uint32_t imm5) {
    return 0x73 | field(rd, 0, 5, 7) | field(funct3, 0, 3, 12) | field(imm5, 0, 5, 15) | field(csr, 0, 12, 20);
}

// CI: funct3 imm[5] rd imm[4:0] op.
std::uint16_t encode_ci(unsigned op, unsigned funct3, unsigned rd, std::int64_t imm6) {
    const auto u = static_cast<std::uint64_t>(imm6);
    return static_cast<std::uint16_t>(field(op, 0, 2, 0) | field(u, 0, 5, 2) | field(rd, 0, 5, 7) |
                                      field(u, 5, 1, 12) | field(funct3, 0, 3, 13));
}

// CR (op 10): funct4 rd/rs1 rs2.
std::uint16_t encode_cr(unsigned funct4, unsigned rd, unsigned rs2) {
    return static_cast<std::uint16_t>(0x2 | field(rs2, 0, 5, 2) | field(rd, 0, 5, 7) | field(funct4, 0, 4, 12));
}

// CJ (op 01): offset[11|4|9:8|10|6|7|3:1|5].
std::uint16_t encode_cj(unsigned funct3, std::int64_t offset) {
    const auto u = static_cast<std::uint64_t>(offset);
    return static_cast<std::uint16_t>(0x1 | field(u, 5, 1, 2) | field(u, 1, 3, 3) | field(u, 7, 1, 6) |
                                      field(u, 6, 1, 7) | field(u, 10, 1, 8) | field(u, 8, 2, 9) |
                                      field(u, 4, 1, 11) | field(u, 11, 1, 12) | field(funct3, 0, 3, 13));
}

// CB branch (op 01): funct3 offset[8|4:3] rs1' offset[7:6|2:1|5].
std::uint16_t encode_cb_branch(unsigned funct3, unsigned rs_window, std::int64_t offset) {
    const auto u = static_cast<std::uint64_t>(offset);
    return static_cast<std::uint16_t>(0x1 | field(u, 5, 1, 2) | field(u, 1, 2, 3) | field(u, 6, 2, 5) |
                                      field(rs_window, 0, 3, 7) | field(u, 3, 2, 10) | field(u, 8, 1, 12) |
                                      field(funct3, 0, 3, 13));
}

// CL/CS (op 00): funct3 offset[5:3] rs1' offset[2|6] rd'/rs2'.
std::uint16_t encode_c_lw_sw(unsigned funct3, unsigned rd_window, unsigned rs_window, std::uint32_t offset) {
    return static_cast<std::uint16_t>(field(rd_window, 0, 3, 2) | field(offset, 6, 1, 5) | field(offset, 2, 1, 6) |
                                      field(rs_window, 0, 3, 7) | field(offset, 3, 3, 10) |
                                      field(funct3, 0, 3, 13));
}

// c.lwsp (op 10, funct3 010): offset[5] rd offset[4:2|7:6].
std::uint16_t encode_c_lwsp(unsigned rd, std::uint32_t offset) {
    return static_cast<std::uint16_t>(0x4002 | field(offset, 6, 2, 2) | field(offset, 2, 3, 4) | field(rd, 0, 5, 7) |
                                      field(offset, 5, 1, 12));
}

// c.swsp (op 10, funct3 110): offset[5:2|7:6] rs2.
std::uint16_t encode_c_swsp(unsigned rs, std::uint32_t offset) {
    return static_cast<std::uint16_t>(0xc002 | field(rs, 0, 5, 2) | field(offset, 6, 2, 7) | field(offset, 2, 4, 9));
}

// c.addi4spn (op 00, funct3 000): nzuimm[5:4|9:6|2|3] rd'.
std::uint16_t encode_c_addi4spn(unsigned rd_window, std::uint32_t offset) {
    return static_cast<std::uint16_t>(field(rd_window, 0, 3, 2) | field(offset, 3, 1, 5) | field(offset, 2, 1, 6) |
                                      field(offset, 6, 4, 7) | field(offset, 4, 2, 11));
}

// CA (op 01): 100011 rd' funct2 rs2', each register field cut to two bits (see the header).
std::uint16_t encode_ca(unsigned funct2, unsigned rd_window, unsigned rs_window) {
    return static_cast<std::uint16_t>(0x8c01 | field(rs_window, 0, 2, 2) | field(funct2, 0, 2, 5) |
                                      field(rd_window, 0, 2, 7));
}

// CB arithmetic (op 01, funct3 100): imm[5] funct2 rd' imm[4:0].
std::uint16_t encode_cb_alu(unsigned funct2, unsigned rd_window, std::uint32_t imm6) {
    return static_cast<std::uint16_t>(0x8001 | field(imm6, 0, 5, 2) | field(rd_window, 0, 3, 7) |
                                      field(funct2, 0, 2, 10) | field(imm6, 5, 1, 12));
}

std::uint16_t encode_cm_push(unsigned reg_list, unsigned extra) {
    return static_cast<std::uint16_t>(0xb802 | field(extra, 0, 2, 2) | field(reg_list, 0, 4, 4));
}

std::uint16_t encode_cm_popret(unsigned reg_list, unsigned extra) {
    return static_cast<std::uint16_t>(0xbe02 | field(extra, 0, 2, 2) | field(reg_list, 0, 4, 4));
}

}  // namespace rv32

using namespace rv32;

namespace {

// The reference tests whether a value fits a field on its low 32 bits only (its masks are 32-bit
// constants), even where the value is a 64-bit host integer: these helpers do the same.
constexpr bool fits_signed(std::int64_t value, unsigned bits) {
    const auto low = static_cast<std::uint32_t>(value);
    const std::uint32_t high_mask = ~((1u << (bits - 1)) - 1);
    return (low & high_mask) == 0 || (low & high_mask) == high_mask;
}

constexpr bool fits_unsigned(std::uint64_t value, unsigned bits) {
    return (static_cast<std::uint32_t>(value) & ~((1u << bits) - 1)) == 0;
}

// A constant as lui's upper 20 bits plus a sign-extended 12-bit remainder.  `upper` keeps the
// reference's 64-bit arithmetic: the rounding carry can make it 1 << 32, which then still counts
// as fitting c.lui (see load_upper).
struct SplitImmediate {
    std::uint64_t upper;
    std::uint32_t lower;
};

SplitImmediate split(std::int64_t value) {
    const auto u = static_cast<std::uint64_t>(value);
    SplitImmediate s{u & 0xfffff000u, static_cast<std::uint32_t>(u & 0xfff)};
    if (s.lower & 0x800) s.upper += 0x1000;  // the remainder is added sign-extended
    return s;
}

constexpr unsigned window(unsigned reg) { return reg - 8; }

// funct3 of lbu/lhu/lw and sb/sh/sw by log2 of the access size.
constexpr unsigned kLoadFunct3[3] = {4, 5, 2};
constexpr unsigned kOpLoad = 0x03;
constexpr unsigned kOpStore = 0x23;
constexpr unsigned kOpAluReg = 0x33;

// The assembler's own scratch registers: t1 (REG_TEMP0) for large stack adjustments, t3
// (REG_TEMP2) for long jumps and far offsets, s0 for the short indirect-call sequence; s1 holds
// the function table.
constexpr unsigned kStackTemp = T1;
constexpr unsigned kFarTemp = T3;
constexpr unsigned kCallTemp = S0;
constexpr unsigned kFunTable = S1;

}  // namespace

// ---- raw -------------------------------------------------------------------------------------------

void AsmRv32::op32(std::uint32_t word) {
    if (std::uint8_t* p = reserve(4)) {
        for (int i = 0; i < 4; ++i) p[i] = static_cast<std::uint8_t>(word >> (8 * i));
    }
}

void AsmRv32::op16(std::uint32_t half) {
    if (std::uint8_t* p = reserve(2)) {
        p[0] = static_cast<std::uint8_t>(half);
        p[1] = static_cast<std::uint8_t>(half >> 8);
    }
}

// ---- immediates ------------------------------------------------------------------------------------

void AsmRv32::load_upper(unsigned rd, std::uint64_t upper) {
    if (fits_signed(static_cast<std::int64_t>(upper), 17) && (upper >> 12) != 0) {
        op16(encode_ci(1, 3, rd, static_cast<std::int64_t>(upper >> 12)));  // c.lui
    } else {
        op32(encode_u(0x37, rd, upper));  // lui
    }
}

void AsmRv32::load_full_immediate(unsigned rd, std::int64_t value) {
    const SplitImmediate s = split(value);
    load_upper(rd, s.upper);
    if (s.lower == 0) return;
    if (fits_signed(s.lower, 6)) {
        op16(encode_ci(1, 0, rd, s.lower));  // c.addi
    } else {
        addi(rd, rd, s.lower);
    }
}

void AsmRv32::load_immediate(unsigned rd, std::int64_t value) {
    if (fits_signed(value, 6)) {
        c_li(rd, value);
    } else if (fits_signed(value, 12)) {
        addi(rd, ZERO, value);
    } else {
        load_full_immediate(rd, value);
    }
}

// ---- frame -----------------------------------------------------------------------------------------

void AsmRv32::adjust_sp(std::int64_t bytes) {
    if (bytes == 0) return;
    if (fits_signed(bytes, 6)) {
        op16(encode_ci(1, 0, SP, bytes));  // c.addi sp
    } else if (fits_signed(bytes, 12)) {
        addi(SP, SP, bytes);
    } else {
        load_full_immediate(kStackTemp, bytes);
        c_add(SP, kStackTemp);
    }
}

void AsmRv32::entry(int num_locals) {
    locals_count_ = static_cast<std::uint32_t>(num_locals);
    saved_registers_ |= options_.frame_registers;
    if (options_.extensions & kExtZcmp) {
        zcmp_entry();
        return;
    }
    const auto count = static_cast<std::uint32_t>(std::popcount(saved_registers_));
    stack_size_ = static_cast<std::int64_t>(count + locals_count_) * 4;
    adjust_sp(-stack_size_);
    std::uint32_t offset = 0;
    for (unsigned reg = 0; reg < 32; ++reg) {
        if (saved_registers_ & (1u << reg)) {
            op16(encode_c_swsp(reg, offset));
            offset += 4;
        }
    }
    locals_stack_offset_ = count * 4;
}

void AsmRv32::exit() {
    if (options_.extensions & kExtZcmp) {
        zcmp_exit();
        return;
    }
    // The registers saved NOW: in a module's first pass over a function a call may have added
    // some after the entry (the reference does the same; later passes agree).
    std::uint32_t offset = 0;
    for (unsigned reg = 0; reg < 32; ++reg) {
        if (saved_registers_ & (1u << reg)) {
            op16(encode_c_lwsp(reg, offset));
            offset += 4;
        }
    }
    adjust_sp(stack_size_);
    jump_reg(RA);
}

namespace {

// cm.push/cm.popret save {ra, s0..sN}: the number of registers that covers every saved one
// (ra counts as one; {ra, s0-s10} does not exist, so s11 comes with it).
unsigned zcmp_register_count(std::uint32_t saved) {
    const std::uint32_t packed = ((saved >> RA) & 1u) | (((saved >> S0) & 3u) << 1) | (((saved >> S2) & 0x3ffu) << 3);
    const auto count = static_cast<unsigned>(std::bit_width(packed));
    return count == 12 ? 13 : count;
}

unsigned zcmp_reg_list(unsigned count) { return std::min(3 + count, 15u); }

}  // namespace

void AsmRv32::zcmp_entry() {
    // The push block is rounded to 16 bytes; its spare words below the registers take the first
    // locals, up to three more 16-byte chunks come with the push, the rest is a separate sp
    // adjustment.  Locals are addressed from sp (locals_stack_offset_ stays as it is).
    const unsigned count = zcmp_register_count(saved_registers_);
    const unsigned block_words = (count + 3) & ~3u;
    const unsigned spare = block_words - count;
    std::uint32_t left = locals_count_ < spare ? 0 : locals_count_ - spare;
    const std::uint32_t chunks = std::min<std::uint32_t>(3, left / 4);
    left -= chunks * 4;
    const std::int64_t extra = static_cast<std::int64_t>(left) * 4;
    op16(encode_cm_push(zcmp_reg_list(count), chunks));
    adjust_sp(-extra);
    // The adjustment is a multiple of 4: its low bits keep the chunk count for cm.popret.
    stack_size_ = extra | chunks;
}

void AsmRv32::zcmp_exit() {
    const unsigned count = zcmp_register_count(saved_registers_);
    adjust_sp(stack_size_ & ~std::int64_t{3});
    op16(encode_cm_popret(zcmp_reg_list(count), static_cast<unsigned>(stack_size_ & 3)));
}

std::uint32_t AsmRv32::local_offset(int local) const {
    return locals_stack_offset_ + static_cast<std::uint32_t>(local) * 4;
}

void AsmRv32::mov_local_reg(int local, unsigned rs) {
    const std::uint32_t offset = local_offset(local);
    if (fits_unsigned(offset >> 2, 6)) {
        op16(encode_c_swsp(rs, offset));
    } else if (fits_unsigned(offset, 11)) {
        op32(encode_s(kOpStore, 2, SP, rs, offset));
    } else {
        const SplitImmediate s = split(offset);
        load_upper(kFarTemp, s.upper);
        c_add(kFarTemp, SP);
        op32(encode_s(kOpStore, 2, kFarTemp, rs, s.lower));
    }
}

void AsmRv32::mov_reg_local(unsigned rd, int local) {
    const std::uint32_t offset = local_offset(local);
    if (fits_unsigned(offset >> 2, 6)) {
        op16(encode_c_lwsp(rd, offset));
    } else if (fits_unsigned(offset, 11)) {
        op32(encode_i(kOpLoad, 2, rd, SP, offset));
    } else {
        const SplitImmediate s = split(offset);
        load_upper(rd, s.upper);
        c_add(rd, SP);
        op32(encode_i(kOpLoad, 2, rd, rd, s.lower));
    }
}

void AsmRv32::mov_reg_local_addr(unsigned rd, int local) {
    const std::uint32_t offset = local_offset(local);
    if (fits_unsigned(offset, 10) && offset != 0 && in_compressed_window(rd)) {
        op16(encode_c_addi4spn(window(rd), offset));
    } else if (fits_unsigned(offset, 11)) {
        addi(rd, SP, offset);
    } else {
        load_full_immediate(rd, offset);
        c_add(rd, SP);
    }
}

void AsmRv32::mov_reg_pcrel(unsigned rd, std::size_t label) {
    const SplitImmediate s = split(label_offset(label) - static_cast<std::int64_t>(code_pos()));
    op32(encode_u(0x17, rd, s.upper));  // auipc
    addi(rd, rd, s.lower);
}

// ---- memory ----------------------------------------------------------------------------------------

void AsmRv32::load(unsigned rd, unsigned base, std::int32_t offset, unsigned size_log2) {
    const auto scaled = static_cast<std::int32_t>(static_cast<std::uint32_t>(offset) << size_log2);
    if (scaled >= 0 && size_log2 == 2 && in_compressed_window(rd) && in_compressed_window(base) &&
        fits_unsigned(static_cast<std::uint32_t>(scaled), 6)) {
        op16(encode_c_lw_sw(2, window(rd), window(base), static_cast<std::uint32_t>(scaled)));
    } else if (fits_signed(scaled, 12)) {
        op32(encode_i(kOpLoad, kLoadFunct3[size_log2], rd, base, scaled));
    } else {
        const SplitImmediate s = split(scaled);
        load_upper(rd, s.upper);
        c_add(rd, base);
        op32(encode_i(kOpLoad, kLoadFunct3[size_log2], rd, rd, s.lower));
    }
}

void AsmRv32::store(unsigned rs, unsigned base, std::int32_t offset, unsigned size_log2) {
    const auto scaled = static_cast<std::int32_t>(static_cast<std::uint32_t>(offset) << size_log2);
    if (scaled >= 0 && size_log2 == 2 && in_compressed_window(rs) && in_compressed_window(base) &&
        fits_unsigned(static_cast<std::uint32_t>(scaled), 6)) {
        op16(encode_c_lw_sw(6, window(rs), window(base), static_cast<std::uint32_t>(scaled)));
    } else if (fits_signed(scaled, 12)) {
        op32(encode_s(kOpStore, size_log2, base, rs, scaled));
    } else {
        const SplitImmediate s = split(scaled);
        load_upper(kFarTemp, s.upper);
        c_add(kFarTemp, base);
        op32(encode_s(kOpStore, size_log2, kFarTemp, rs, s.lower));
    }
}

// Leaves base + (index << size_log2) in t3 (1.28) or in `base` (1.27, which also scales `index`
// in place).
void AsmRv32::scale_index_into(unsigned base, unsigned index, unsigned size_log2) {
    const bool zba = size_log2 > 0 && (options_.extensions & kExtZba);
    const unsigned sh_add_funct3 = 1u << size_log2;  // sh1add: 2, sh2add: 4
    if (!options_.index_into_temp) {
        if (zba) {
            alu(sh_add_funct3, 0x10, base, index, base);
            return;
        }
        if (size_log2 > 0) op16(encode_ci(2, 0, index, size_log2));  // c.slli
        c_add(base, index);
        return;
    }
    if (zba) {
        alu(sh_add_funct3, 0x10, kFarTemp, index, base);
    } else if (size_log2 > 0) {
        slli(kFarTemp, index, size_log2);
        c_add(kFarTemp, base);
    } else {
        alu(0, 0, kFarTemp, base, index);  // add
    }
}

void AsmRv32::load_indexed(unsigned rd, unsigned base, unsigned index, unsigned size_log2) {
    scale_index_into(base, index, size_log2);
    load(rd, options_.index_into_temp ? kFarTemp : base, 0, size_log2);
}

void AsmRv32::store_indexed(unsigned rs, unsigned base, unsigned index, unsigned size_log2) {
    scale_index_into(base, index, size_log2);
    store(rs, options_.index_into_temp ? kFarTemp : base, 0, size_log2);
}

// ---- arithmetic ------------------------------------------------------------------------------------

void AsmRv32::alu(unsigned funct3, unsigned funct7, unsigned rd, unsigned rs1, unsigned rs2) {
    op32(encode_r(kOpAluReg, funct3, funct7, rd, rs1, rs2));
}

void AsmRv32::xor_optimised(unsigned rd, unsigned rs) {
    if (rd == rs) {
        c_li(rd, 0);
    } else {
        alu(4, 0, rd, rd, rs);
    }
}

void AsmRv32::set_less_than(unsigned rd, unsigned lhs, unsigned rhs, bool is_unsigned) {
    alu(is_unsigned ? 3 : 2, 0, rd, lhs, rhs);  // sltu / slt
}

// ---- control flow ----------------------------------------------------------------------------------

AsmRv32::Displacement AsmRv32::displacement_to(std::size_t label) const {
    const std::int64_t target = label_offset(label);
    // An unplaced label reads as offset -1, as the reference's unsigned "unassigned" marker
    // does once the current offset is subtracted: only placed labels behind us are backward.
    const std::int64_t value = target - static_cast<std::int64_t>(code_pos());
    return {value, target != -1 && value < 0};
}

void AsmRv32::far_jump(std::int64_t displacement) {
    const SplitImmediate s = split(displacement);
    op32(encode_u(0x17, kFarTemp, s.upper));              // auipc t3, hi
    op32(encode_i(0x67, 0, ZERO, kFarTemp, s.lower));     // jalr zero, lo(t3)
}

void AsmRv32::jump(std::size_t label) {
    const Displacement d = displacement_to(label);
    if (d.backward && fits_signed(d.value, 12)) {
        op16(encode_cj(5, d.value));  // c.j
        return;
    }
    far_jump(d.value);
}

void AsmRv32::jump_if_equal(unsigned rs1, unsigned rs2, std::size_t label) {
    const Displacement d = displacement_to(label);
    if (d.backward && fits_signed(d.value, 13)) {
        op32(encode_b(0, rs1, rs2, d.value));  // beq
        return;
    }
    op32(encode_b(1, rs1, rs2, 12));  // bne over the far jump
    far_jump(d.value - 4);
}

void AsmRv32::jump_if_nonzero(unsigned rs, std::size_t label) {
    const Displacement d = displacement_to(label);
    const bool compressible = in_compressed_window(rs);
    if (d.backward && fits_signed(d.value, 8) && compressible) {
        op16(encode_cb_branch(7, window(rs), d.value));  // c.bnez
        return;
    }
    if (d.backward && fits_signed(d.value, 13)) {
        op32(encode_b(1, rs, ZERO, d.value));  // bne
        return;
    }
    // An inverted branch over the far jump: compressed only for a backward target.
    if (d.backward && compressible) {
        op16(encode_cb_branch(6, window(rs), 10));  // c.beqz
        far_jump(d.value - 2);
    } else {
        op32(encode_b(0, rs, ZERO, 12));  // beq
        far_jump(d.value - 4);
    }
}

void AsmRv32::call_ind(std::size_t index) {
    const std::uint64_t offset = static_cast<std::uint64_t>(index) * 4;
    saved_registers_ |= 1u << RA;
    if (fits_unsigned(offset, 6)) {
        saved_registers_ |= 1u << kCallTemp;
        op16(encode_c_lw_sw(2, window(kCallTemp), window(kFunTable), static_cast<std::uint32_t>(offset)));
        op16(encode_cr(0x9, kCallTemp, 0));  // c.jalr
        return;
    }
    if (fits_unsigned(offset, 11)) {
        op32(encode_i(kOpLoad, 2, kFarTemp, kFunTable, static_cast<std::int64_t>(offset)));
    } else {
        const SplitImmediate s = split(static_cast<std::int64_t>(offset));
        load_upper(kFarTemp, s.upper);
        c_add(kFarTemp, kFunTable);
        op32(encode_i(kOpLoad, 2, kFarTemp, kFarTemp, s.lower));
    }
    op16(encode_cr(0x9, kFarTemp, 0));  // c.jalr
}

}  // namespace mpy
