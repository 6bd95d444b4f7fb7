// RISC-V RV32IMC assembler for the native emitter (`-march=rv32imc`).
//
// It writes exactly the bytes MicroPython's RV32 assembler (1.27.0 and 1.28.0) writes for the
// same operations.  The choices that pins down:
//   - a compressed (16-bit) instruction whenever the operands fit its narrower fields, the base
//     32-bit one otherwise, and a two- or three-instruction sequence through t3 (or the
//     destination) when even 12 bits are not enough;
//   - a jump is short only when it goes BACKWARD to a label already placed (and the offset fits);
//     forward jumps take the long `auipc t3 / jalr` form (with an inverted branch over it for a
//     conditional jump), so label offsets found in the size pass stay valid in the emit pass;
//   - the frame: the callee-saved registers in `saved_registers()` stored at the bottom of the
//     frame (c.swsp, ascending register number) and the locals above them; with Zcmp (1.28),
//     `cm.push`/`cm.popret` of {ra, s0..sN} instead, the locals below the pushed registers;
//   - the set of saved registers only ever GROWS, over every native function of a module: an
//     indirect call adds ra (and s0, the short call sequence's scratch), and the reference keeps
//     one assembler per module, so a function's frame depends on the functions compiled before
//     it.  One AsmRv32 must therefore serve a whole module.
//
// Passes, labels and dead code: see compiler/asm/base/asm_base.h.
#pragma once

#include <cstddef>
#include <cstdint>

#include "compiler/asm/base/asm_base.h"

namespace mpy {

namespace rv32 {

enum Reg : std::uint8_t {
    ZERO = 0, RA = 1, SP = 2, GP = 3, TP = 4, T0 = 5, T1 = 6, T2 = 7,
    S0 = 8, S1 = 9, A0 = 10, A1 = 11, A2 = 12, A3 = 13, A4 = 14, A5 = 15, A6 = 16, A7 = 17,
    S2 = 18, S3 = 19, S4 = 20, S5 = 21, S6 = 22, S7 = 23, S8 = 24, S9 = 25, S10 = 26, S11 = 27,
    T3 = 28, T4 = 29, T5 = 30, T6 = 31,
};

// -march-flags bits (the .mpy header stores them as they are).
inline constexpr unsigned kExtZba = 1u << 0;   // sh1add/sh2add for scaled indexing
inline constexpr unsigned kExtZcmp = 1u << 1;  // cm.push / cm.popret frames (1.28 only)

// Registers a compressed instruction with a 3-bit register field can name: x8..x15.
constexpr bool in_compressed_window(unsigned reg) { return reg >= 8 && reg <= 15; }

// ---- encodings (the instruction formats of the RISC-V ISA manual) ---------------------------------
// Immediates are taken modulo the field: callers pass offsets as computed, like the reference.

std::uint32_t encode_r(unsigned opcode, unsigned funct3, unsigned funct7, unsigned rd, unsigned rs1, unsigned rs2);
std::uint32_t encode_i(unsigned opcode, unsigned funct3, unsigned rd, unsigned rs1, std::int64_t imm);
std::uint32_t encode_s(unsigned opcode, unsigned funct3, unsigned rs1, unsigned rs2, std::int64_t imm);
std::uint32_t encode_b(unsigned funct3, unsigned rs1, unsigned rs2, std::int64_t offset);
std::uint32_t encode_u(unsigned opcode, unsigned rd, std::uint64_t upper);
std::uint32_t encode_j(unsigned rd, std::int64_t offset);  // jal (opcode 0x6f)
// csrr[wsc]i (opcode 0x73): the CSR number and a 5-bit immediate in the rs1 field.
std::uint32_t encode_csr_imm(unsigned funct3, unsigned rd, unsigned csr, std::uint32_t imm5);
// Compressed formats (16 bits).
std::uint16_t encode_ci(unsigned op, unsigned funct3, unsigned rd, std::int64_t imm6);
std::uint16_t encode_cr(unsigned funct4, unsigned rd, unsigned rs2);
std::uint16_t encode_cj(unsigned funct3, std::int64_t offset);
std::uint16_t encode_cb_branch(unsigned funct3, unsigned rs_window, std::int64_t offset);
std::uint16_t encode_c_lw_sw(unsigned funct3, unsigned rd_window, unsigned rs_window, std::uint32_t offset);
std::uint16_t encode_c_lwsp(unsigned rd, std::uint32_t offset);
std::uint16_t encode_c_swsp(unsigned rs, std::uint32_t offset);
std::uint16_t encode_c_addi4spn(unsigned rd_window, std::uint32_t offset);
// c.sub / c.xor / c.or / c.and (funct2 0..3).  The reference keeps only the low TWO bits of each
// register's window number, so x12..x15 are written as x8..x11; mpy-cross's bytes are the target.
std::uint16_t encode_ca(unsigned funct2, unsigned rd_window, unsigned rs_window);
// c.srli / c.srai / c.andi (funct2 0..2): rd' and a 6-bit immediate.
std::uint16_t encode_cb_alu(unsigned funct2, unsigned rd_window, std::uint32_t imm6);
// Zcmp: reg_list 4 = {ra}, 5 = {ra, s0}, ..., 15 = {ra, s0-s11}; extra = 16-byte stack chunks.
std::uint16_t encode_cm_push(unsigned reg_list, unsigned extra);
std::uint16_t encode_cm_popret(unsigned reg_list, unsigned extra);

}  // namespace rv32

// How the assembler is set up for one module: the -march-flags extensions, the registers every
// frame saves (the function table and the three local registers, which differ by release), and
// whether an indexed access scales into t3 (1.28) or into the base and index registers (1.27).
struct Rv32Options {
    unsigned extensions = 0;  // rv32::kExtZba | rv32::kExtZcmp
    std::uint32_t frame_registers = 0;
    bool index_into_temp = true;
};

class AsmRv32 : public AsmBase {
public:
    using Reg = rv32::Reg;

    explicit AsmRv32(const Rv32Options& options) : AsmBase("AsmRv32"), options_(options) {}

    // ---- raw instructions ---------------------------------------------------------------------
    void op32(std::uint32_t word);
    void op16(std::uint32_t half);

    // ---- frame ------------------------------------------------------------------------------------
    void entry(int num_locals);
    void exit();
    // Registers the frames save so far (bit n = xn); grows with calls, never shrinks.
    std::uint32_t saved_registers() const { return saved_registers_; }
    void mov_local_reg(int local, unsigned rs);        // local slot = rs
    void mov_reg_local(unsigned rd, int local);        // rd = local slot
    void mov_reg_local_addr(unsigned rd, int local);   // rd = address of the local slot
    void mov_reg_pcrel(unsigned rd, std::size_t label);  // rd = address of `label`

    // ---- moves and memory ---------------------------------------------------------------------------
    // The shortest sequence for a constant (c.li, addi, lui/c.lui + addi/c.addi).
    void load_immediate(unsigned rd, std::int64_t value);
    // size_log2: 0 byte (unsigned), 1 halfword (unsigned), 2 word; offset in elements.
    void load(unsigned rd, unsigned base, std::int32_t offset, unsigned size_log2);
    void store(unsigned rs, unsigned base, std::int32_t offset, unsigned size_log2);
    // [base + index << size_log2]; see Rv32Options::index_into_temp for what is clobbered.
    void load_indexed(unsigned rd, unsigned base, unsigned index, unsigned size_log2);
    void store_indexed(unsigned rs, unsigned base, unsigned index, unsigned size_log2);

    // ---- arithmetic and comparisons -----------------------------------------------------------------
    void alu(unsigned funct3, unsigned funct7, unsigned rd, unsigned rs1, unsigned rs2);
    void addi(unsigned rd, unsigned rs, std::int64_t imm) { op32(rv32::encode_i(0x13, 0, rd, rs, imm)); }
    void xori(unsigned rd, unsigned rs, std::int64_t imm) { op32(rv32::encode_i(0x13, 4, rd, rs, imm)); }
    void sltiu(unsigned rd, unsigned rs, std::int64_t imm) { op32(rv32::encode_i(0x13, 3, rd, rs, imm)); }
    void slli(unsigned rd, unsigned rs, unsigned shift) { op32(rv32::encode_i(0x13, 1, rd, rs, shift & 0x1f)); }
    void c_add(unsigned rd, unsigned rs) { op16(rv32::encode_cr(0x9, rd, rs)); }
    void c_mv(unsigned rd, unsigned rs) { op16(rv32::encode_cr(0x8, rd, rs)); }
    void c_li(unsigned rd, std::int64_t imm) { op16(rv32::encode_ci(1, 2, rd, imm)); }
    // rd ^= rs, or rd = 0 (c.li) when they are the same register.
    void xor_optimised(unsigned rd, unsigned rs);
    // rd = (lhs < rhs), signed or unsigned.
    void set_less_than(unsigned rd, unsigned lhs, unsigned rhs, bool is_unsigned);

    // ---- control flow -----------------------------------------------------------------------------
    void jump(std::size_t label);
    void jump_if_equal(unsigned rs1, unsigned rs2, std::size_t label);
    void jump_if_nonzero(unsigned rs, std::size_t label);
    void jump_reg(unsigned rs) { op16(rv32::encode_cr(0x8, rs, 0)); }  // c.jr
    // Calls entry `index` of the function table (s1).
    void call_ind(std::size_t index);

private:
    struct Displacement {
        std::int64_t value;
        bool backward;  // label already placed before here: a short form may be used
    };
    Displacement displacement_to(std::size_t label) const;
    void load_upper(unsigned rd, std::uint64_t upper);
    void load_full_immediate(unsigned rd, std::int64_t value);
    void adjust_sp(std::int64_t bytes);
    void far_jump(std::int64_t displacement);  // auipc t3 + jalr zero
    void scale_index_into(unsigned base, unsigned index, unsigned size_log2);
    std::uint32_t local_offset(int local) const;
    void zcmp_entry();
    void zcmp_exit();

    Rv32Options options_;
    // Kept across functions (the reference's assembler state lives as long as its emitter).
    std::uint32_t saved_registers_ = 0;
    std::uint32_t locals_count_ = 0;
    std::int64_t stack_size_ = 0;
    std::uint32_t locals_stack_offset_ = 0;
};

}  // namespace mpy
