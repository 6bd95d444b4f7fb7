// Xtensa assembler for the native emitter (`-march=xtensa`, ESP8266, call0 ABI, and
// `-march=xtensawin`, ESP32, windowed ABI) and for @micropython.asm_xtensa.
//
// It writes exactly the bytes MicroPython's Xtensa assembler (1.27.0 and 1.28.0) writes for the
// same operations.  The choices that pins down:
//   - constants that fit no immediate are loaded with `l32r` from a literal pool at the START of
//     the function, which `entry` writes as `j` over one padding byte and the pool.  The pool's
//     size is the number of constants the PREVIOUS pass used (the reference resets its count at
//     the end of each pass), so the emitter's stack-size pass sizes the code-size pass, which
//     sizes the emit pass.  1.27's windowed entry writes the jump even for an empty pool;
//   - narrow (.n, 16-bit) forms where the reference picks them: `add.n`, `mov.n`, `movi.n` for
//     -32..95, `l32i.n`/`s32i.n` for word offsets below 16 (locals always take the 24-bit form);
//   - a conditional branch is short only when it goes BACKWARD to a placed label and fits its
//     field; otherwise the inverted branch over a `j`, so sizes agree between passes;
//   - a store at an offset past 255 elements computes its address in a6, on both ABIs (the
//     reference's assembler is compiled without the windowed setting).
//
// Passes, labels and dead code: see compiler/asm_base.h.
#pragma once

#include <cstddef>
#include <cstdint>

#include "compiler/asm/base/asm_base.h"

namespace mpy {

namespace xtensa {

enum Reg : std::uint8_t { A0, A1, A2, A3, A4, A5, A6, A7, A8, A9, A10, A11, A12, A13, A14, A15 };

// Conditions of bccz / bcci (the m field).
enum CondZ : std::uint8_t { CCZ_EQ = 0, CCZ_NE = 1, CCZ_LT = 2, CCZ_GE = 3 };
// Conditions of bcc (the r field); bit 3 inverts the condition.
enum Cond : std::uint8_t {
    CC_NONE = 0, CC_EQ = 1, CC_LT = 2, CC_LTU = 3, CC_ALL = 4, CC_BC = 5,
    CC_ANY = 8, CC_NE = 9, CC_GE = 10, CC_GEU = 11, CC_NALL = 12, CC_BS = 13,
};

// ---- encodings (the instruction formats of the Xtensa ISA reference manual) ----------------------
// Fields are masked to their width; callers pass immediates already masked where the reference does.
std::uint32_t encode_rrr(unsigned op0, unsigned op1, unsigned op2, unsigned r, unsigned s, unsigned t);
std::uint32_t encode_rri4(unsigned op0, unsigned op1, unsigned r, unsigned s, unsigned t, unsigned imm4);
std::uint32_t encode_rri8(unsigned op0, unsigned r, unsigned s, unsigned t, unsigned imm8);
std::uint32_t encode_ri16(unsigned op0, unsigned t, unsigned imm16);
std::uint32_t encode_rsr(unsigned op0, unsigned op1, unsigned op2, unsigned rs, unsigned t);
std::uint32_t encode_call(unsigned op0, unsigned n, std::uint32_t offset18);
std::uint32_t encode_callx(unsigned op0, unsigned op1, unsigned op2, unsigned r, unsigned s, unsigned m, unsigned n);
std::uint32_t encode_bri8(unsigned op0, unsigned r, unsigned s, unsigned m, unsigned n, unsigned imm8);
std::uint32_t encode_bri12(unsigned op0, unsigned s, unsigned m, unsigned n, unsigned imm12);
std::uint16_t encode_rrrn(unsigned op0, unsigned r, unsigned s, unsigned t);
// movi.n's 7-bit immediate (-32..95) split over two fields.
std::uint16_t encode_ri7(unsigned op0, unsigned s, unsigned imm7);

// Whether a 32-bit value, read as signed, fits in `bits` bits (the reference's SIGNED_FITn).
constexpr bool signed_fit(std::uint32_t value, unsigned bits) {
    const std::uint32_t high = ~std::uint32_t{0} << (bits - 1);
    return (value & high) == 0 || (value & high) == high;
}

}  // namespace xtensa

// Which ABI the frames follow, and the one entry-code difference between the releases.
struct XtensaOptions {
    bool windowed = false;  // xtensawin: entry/retw.n, calls by callx8
    // 1.27's windowed entry jumps over the literal pool even when it is empty.
    bool always_jump_over_pool = false;
};

class AsmXtensa : public AsmBase {
public:
    using Reg = xtensa::Reg;

    explicit AsmXtensa(const XtensaOptions& options) : AsmBase("AsmXtensa"), options_(options) {}

    // Registers stored at the bottom of every frame: a0 and a12..a15 (call0), a0 (windowed).
    int saved_words() const { return options_.windowed ? 1 : 5; }

    // ---- raw instructions ---------------------------------------------------------------------
    void op16(std::uint32_t op);
    void op24(std::uint32_t op);

    // ---- frame ------------------------------------------------------------------------------------
    // Starts a function (also where a pass's literal-pool count is taken, see the file comment).
    void entry(int num_locals);
    void exit();
    // Local slots are words above the saved registers.
    void mov_local_reg(int local, unsigned src);       // s32i src, a1, slot
    void mov_reg_local(unsigned dest, int local);      // l32i dest, a1, slot
    void mov_reg_local_addr(unsigned dest, int local);
    // dest = address of `label`, through call0 (which overwrites a0).
    void mov_reg_pcrel(unsigned dest, std::size_t label);

    // ---- moves and memory -----------------------------------------------------------------------
    // movi.n, movi, or l32r from the literal pool.
    void mov_reg_i32_optimised(unsigned dest, std::uint32_t value);
    // l32r from the literal pool; returns the pool offset of the constant.
    std::size_t mov_reg_i32(unsigned dest, std::uint32_t value);
    // size_log2: 0 byte, 1 halfword (both unsigned), 2 word; offset in elements.
    void load(unsigned dest, unsigned base, std::uint32_t offset, unsigned size_log2);
    void store(unsigned src, unsigned base, std::uint32_t offset, unsigned size_log2);
    // [base + index << size_log2]; the address is left in base.
    void load_indexed(unsigned dest, unsigned base, unsigned index, unsigned size_log2);
    void store_indexed(unsigned src, unsigned base, unsigned index, unsigned size_log2);

    // ---- instructions the emitters name -----------------------------------------------------------
    void add_n(unsigned d, unsigned a, unsigned b) { op16(xtensa::encode_rrrn(10, d, a, b)); }
    void addi(unsigned d, unsigned s, int imm8) { op24(xtensa::encode_rri8(2, 12, s, d, imm8 & 0xff)); }
    void addx2(unsigned d, unsigned a, unsigned b) { op24(xtensa::encode_rrr(0, 0, 9, d, a, b)); }
    void addx4(unsigned d, unsigned a, unsigned b) { op24(xtensa::encode_rrr(0, 0, 10, d, a, b)); }
    void and_(unsigned d, unsigned a, unsigned b) { op24(xtensa::encode_rrr(0, 0, 1, d, a, b)); }
    void or_(unsigned d, unsigned a, unsigned b) { op24(xtensa::encode_rrr(0, 0, 2, d, a, b)); }
    void xor_(unsigned d, unsigned a, unsigned b) { op24(xtensa::encode_rrr(0, 0, 3, d, a, b)); }
    void sub(unsigned d, unsigned a, unsigned b) { op24(xtensa::encode_rrr(0, 0, 12, d, a, b)); }
    void mull(unsigned d, unsigned a, unsigned b) { op24(xtensa::encode_rrr(0, 2, 8, d, a, b)); }
    void neg(unsigned d, unsigned s) { op24(xtensa::encode_rrr(0, 0, 6, d, 0, s)); }
    void mov_n(unsigned d, unsigned s) { op16(xtensa::encode_rrrn(13, 0, s, d)); }
    void movi(unsigned d, std::int32_t imm12) {
        op24(xtensa::encode_rri8(2, 10, (imm12 >> 8) & 0xf, d, imm12 & 0xff));
    }
    void movi_n(unsigned d, std::int32_t imm7) { op16(xtensa::encode_ri7(12, d, imm7 & 0x7f)); }
    void l32i(unsigned d, unsigned base, unsigned word) { op24(xtensa::encode_rri8(2, 2, base, d, word & 0xff)); }
    void l32i_n(unsigned d, unsigned base, unsigned word) { op16(xtensa::encode_rrrn(8, word & 0xf, base, d)); }
    void s32i(unsigned s, unsigned base, unsigned word) { op24(xtensa::encode_rri8(2, 6, base, s, word & 0xff)); }
    void s32i_n(unsigned s, unsigned base, unsigned word) { op16(xtensa::encode_rrrn(9, word & 0xf, base, s)); }
    void ssl(unsigned s) { op24(xtensa::encode_rrr(0, 0, 4, 1, s, 0)); }
    void ssr(unsigned s) { op24(xtensa::encode_rrr(0, 0, 4, 0, s, 0)); }
    void sll(unsigned d, unsigned s) { op24(xtensa::encode_rrr(0, 1, 10, d, s, 0)); }
    void srl(unsigned d, unsigned s) { op24(xtensa::encode_rrr(0, 1, 9, d, 0, s)); }
    void sra(unsigned d, unsigned s) { op24(xtensa::encode_rrr(0, 1, 11, d, 0, s)); }
    void jx(unsigned reg) { op24(xtensa::encode_callx(0, 0, 0, 0, reg, 2, 2)); }
    void j(std::int32_t rel18) { op24(xtensa::encode_call(6, 0, static_cast<std::uint32_t>(rel18) & 0x3ffff)); }
    void call0(std::int32_t rel18) { op24(xtensa::encode_call(5, 0, static_cast<std::uint32_t>(rel18) & 0x3ffff)); }
    void bcc(unsigned cond, unsigned s1, unsigned s2, std::int32_t rel8) {
        op24(xtensa::encode_rri8(7, cond, s1, s2, static_cast<unsigned>(rel8) & 0xff));
    }
    void bccz(unsigned cond, unsigned s, std::int32_t rel12) {
        op24(xtensa::encode_bri12(6, s, cond, 1, static_cast<unsigned>(rel12) & 0xfff));
    }
    // l32r to a pool entry at byte offset `dest_offset`, for an l32r written at `op_offset`.
    void l32r_at(unsigned d, std::uint32_t op_offset, std::uint32_t dest_offset) {
        op24(xtensa::encode_ri16(1, d, ((dest_offset - ((op_offset + 3) & ~3u)) >> 2) & 0xffff));
    }

    // ---- control flow -----------------------------------------------------------------------------
    void jump(std::size_t label);
    void branch_zero(unsigned condz, unsigned reg, std::size_t label);           // bccz or its long form
    void branch(unsigned cond, unsigned reg1, unsigned reg2, std::size_t label);  // bcc or its long form
    // dest = cond(src1, src2) ? 1 : 0 (dest must differ from the sources).
    void set_cond(unsigned cond, unsigned dest, unsigned src1, unsigned src2);
    // Calls entry `index` of the function table (a15 through a0, or a7 through a8 by callx8).
    void call_ind(std::size_t index);

    // The displacement `label - here - 4` the branches use; backward: the label is already placed.
    struct Displacement {
        std::int64_t value;
        bool backward;
    };
    Displacement displacement_to(std::size_t label) const;

private:
    void load_word_optimised(unsigned dest, unsigned base, std::size_t word_offset);
    void write_pool();

    XtensaOptions options_;
    // Literal pool state, kept across passes and functions as the reference's assembler keeps it.
    std::uint32_t num_const_ = 0;   // constants the previous pass used: the pool's size
    std::uint32_t cur_const_ = 0;   // constants used so far in this pass
    std::size_t pool_offset_ = 0;   // where this pass's pool starts
    std::uint8_t* pool_ = nullptr;  // the pool's bytes (emit pass only)
    std::uint32_t stack_adjust_ = 0;
};

}  // namespace mpy
