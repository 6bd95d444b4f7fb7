// ARM Thumb encodings for the native emitter; see asm_thumb.h for the rules that make the output
// match mpy-cross 1.27 byte for byte.
#include "compiler/asm/thumb/asm_thumb.h"

#include <bit>
#include <stdexcept>


namespace mpy {

namespace {

constexpr bool fits_signed(std::int64_t v, int bits) {
    return v >= -(std::int64_t{1} << (bits - 1)) && v < (std::int64_t{1} << (bits - 1));
}
constexpr bool fits_unsigned(std::uint32_t v, int bits) { return (v >> bits) == 0; }

// push {rlist, lr} / pop {rlist, pc}
constexpr std::uint32_t kPushLr = 0xb500;
constexpr std::uint32_t kPopPc = 0xbd00;
// add/sub sp, #4*n (n < 128)
constexpr std::uint32_t kAddSp = 0xb000;
constexpr std::uint32_t kSubSp = 0xb080;
// addw/subw rd, rn, #imm12 (the 12th immediate bit is not used here)
constexpr std::uint32_t kAddW = 0xf200;
constexpr std::uint32_t kSubW = 0xf2a0;
constexpr std::uint32_t imm11_lo(unsigned dest, std::uint32_t imm) {
    return ((imm << 4) & 0x7000) | (dest << 8) | (imm & 0xff);
}

// Opcode bits 15..11 of the immediate-offset loads/stores, by log2 of the size (ldrb/strb,
// ldrh/strh, ldr/str); | 1 makes it a load.
constexpr std::uint32_t kLdStImm[3] = {0x0e, 0x10, 0x0c};

constexpr std::uint32_t b_n(std::int64_t rel) { return 0xe000 | ((rel >> 1) & 0x07ff); }
constexpr std::uint32_t bcc_n(unsigned cc, std::int64_t rel) {
    return 0xd000 | (cc << 8) | ((rel >> 1) & 0x00ff);
}
constexpr std::uint32_t bcc_w_hi(unsigned cc, std::int64_t rel) {
    return 0xf000 | (cc << 6) | ((rel >> 10) & 0x0400) | ((rel >> 12) & 0x003f);
}
constexpr std::uint32_t bcc_w_lo(std::int64_t rel) {
    return 0x8000 | ((rel >> 5) & 0x2000) | ((rel >> 8) & 0x0800) | ((rel >> 1) & 0x07ff);
}
constexpr std::uint32_t b_w_hi(std::int64_t rel) { return 0xf000 | ((rel >> 12) & 0x07ff); }
constexpr std::uint32_t b_w_lo(std::int64_t rel) { return 0xb800 | ((rel >> 1) & 0x07ff); }
constexpr std::uint32_t bl_hi(std::int64_t rel) { return 0xf000 | ((rel >> 12) & 0x07ff); }
constexpr std::uint32_t bl_lo(std::int64_t rel) { return 0xf800 | ((rel >> 1) & 0x07ff); }

}  // namespace

// ---- raw -------------------------------------------------------------------------------------------

void AsmThumb::op16(std::uint32_t op) {
    if (std::uint8_t* p = reserve(2)) {
        p[0] = static_cast<std::uint8_t>(op);
        p[1] = static_cast<std::uint8_t>(op >> 8);
    }
}

void AsmThumb::op32(std::uint32_t op1, std::uint32_t op2) {
    if (std::uint8_t* p = reserve(4)) {
        p[0] = static_cast<std::uint8_t>(op1);
        p[1] = static_cast<std::uint8_t>(op1 >> 8);
        p[2] = static_cast<std::uint8_t>(op2);
        p[3] = static_cast<std::uint8_t>(op2 >> 8);
    }
}

void AsmThumb::format1(std::uint32_t op, unsigned dest, unsigned src, unsigned offset) {
    op16(op | (offset << 6) | (src << 3) | dest);
}
void AsmThumb::format2(std::uint32_t op, unsigned dest, unsigned src, unsigned b) {
    op16(op | (b << 6) | (src << 3) | dest);
}
void AsmThumb::format3(std::uint32_t op, unsigned rlo, unsigned i8) { op16(op | (rlo << 8) | i8); }
void AsmThumb::format5(std::uint32_t op, unsigned dest, unsigned src) {
    op16(op | ((dest << 4) & 0x0080) | (src << 3) | (dest & 7));
}
void AsmThumb::format7_8(std::uint32_t op, unsigned dest, unsigned base, unsigned index) {
    op16(op | (index << 6) | (base << 3) | dest);
}
void AsmThumb::format9_10(std::uint32_t op, unsigned rlo_dest, unsigned rlo_base, unsigned offset) {
    op16(op | ((offset << 6) & 0x07c0) | (rlo_base << 3) | rlo_dest);
}
void AsmThumb::format11(std::uint32_t op, unsigned dest, unsigned src) { op16(op | (src << 3) | dest); }
void AsmThumb::alu(thumb::AluOp op, unsigned rlo_dest, unsigned rlo_src) {
    op16(op | (rlo_src << 3) | rlo_dest);
}

// ---- frame -----------------------------------------------------------------------------------------

void AsmThumb::entry(int num_locals) {
    // r1-r3 are pushed too, as cheap stack space, keeping sp 8-byte aligned; r0 is never
    // pushed (it carries the return value back through exit()).
    unsigned reglist = 0xfe;
    unsigned adjust = 0;
    if (num_locals <= 1) {
        reglist = 0xf2;
    } else if (num_locals > 3) {
        adjust = static_cast<unsigned>((num_locals - 3) + 1) & ~1u;
    }
    op16(kPushLr | reglist);
    adjust_sp(kSubSp, kSubW, adjust);
    push_reglist_ = reglist;
    stack_adjust_ = adjust;
}

void AsmThumb::exit() {
    adjust_sp(kAddSp, kAddW, stack_adjust_);
    op16(kPopPc | push_reglist_);
}

// sp -/+= 4*words: one 16-bit instruction per 127 words, or a single addw/subw on armv7m.
void AsmThumb::adjust_sp(std::uint32_t op_narrow, std::uint32_t op_wide, unsigned words) {
    if (words == 0) return;
    if (armv7m_ && !fits_unsigned(words, 7)) {
        op32(op_wide | thumb::SP, imm11_lo(thumb::SP, words * 4));
        return;
    }
    unsigned left = words;
    for (; !fits_unsigned(left, 7); left -= 127) op16(op_narrow | 127);
    op16(op_narrow | left);
}

void AsmThumb::check_local(int local) const {
    if (emitting() && (local < 0 || local > 255)) {
        throw NativeAsmLimit("too many locals for native method");
    }
}

void AsmThumb::mov_local_reg(int local, unsigned rlo_src) {
    check_local(local);
    op16(0x9000 | (rlo_src << 8) | (static_cast<unsigned>(local) & 0xff));
}

void AsmThumb::mov_reg_local(unsigned rlo_dest, int local) {
    check_local(local);
    op16(0x9800 | (rlo_dest << 8) | (static_cast<unsigned>(local) & 0xff));
}

void AsmThumb::mov_reg_local_addr(unsigned rlo_dest, int local) {
    op16(0xa800 | (rlo_dest << 8) | (static_cast<unsigned>(local) & 0xff));
}

void AsmThumb::mov_reg_pcrel(unsigned rlo_dest, std::size_t label) {
    std::int64_t rel = label_offset(label) - static_cast<std::int64_t>(code_pos());
    rel |= 1;  // the Thumb bit, to stay in Thumb state when jumping there
    // The add below reads pc 4 bytes ahead; the sequence before it is 6 (armv7m) or 8 bytes,
    // always the same size.
    if (armv7m_) {
        rel -= 6 + 4;
        mov_reg_i16(false, rlo_dest, static_cast<std::uint32_t>(rel));
        sxth(rlo_dest, rlo_dest);
    } else {
        rel -= 8 + 4;
        mov_rlo_i16(rlo_dest, static_cast<std::uint32_t>(rel));
        sxth(rlo_dest, rlo_dest);
    }
    add_reg_reg(rlo_dest, thumb::PC);
}

// ---- moves -----------------------------------------------------------------------------------------

void AsmThumb::mov_reg_reg(unsigned dest, unsigned src) {
    std::uint32_t lo = src < 8 ? (src << 3) : (0x40 | ((src - 8) << 3));
    lo |= dest < 8 ? dest : (0x80 | (dest - 8));
    op16(0x4600 | lo);
}

void AsmThumb::mov_reg_i16(bool movt, unsigned dest, std::uint32_t i16) {
    const std::uint32_t op = movt ? 0xf2c0 : 0xf240;
    op32(op | ((i16 >> 1) & 0x0400) | ((i16 >> 12) & 0xf),
         ((i16 << 4) & 0x7000) | (dest << 8) | (i16 & 0xff));
}

void AsmThumb::mov_rlo_i16(unsigned rlo, std::uint32_t i16) {
    mov_rlo_i8(rlo, (i16 >> 8) & 0xff);
    lsl_rlo_rlo_i5(rlo, rlo, 8);
    add_rlo_i8(rlo, i16 & 0xff);
}

std::size_t AsmThumb::mov_reg_i32(unsigned dest, std::uint32_t value) {
    const std::size_t at = code_pos();
    if (armv7m_) {
        mov_reg_i16(false, dest, value);
        mov_reg_i16(true, dest, value >> 16);
    } else {
        // ldr dest, [pc]; b over the literal word (word-aligned, hence the optional nop)
        if (code_pos() & 2) op16(thumb::kNop);
        ldr_rlo_pcrel_i8(dest, 0);
        op16(b_n(2));
        op16(value & 0xffff);
        op16(value >> 16);
    }
    return at;
}

void AsmThumb::mov_reg_i32_optimised(unsigned dest, std::int32_t value) {
    auto u = static_cast<std::uint32_t>(value);
    if (dest < 8 && fits_unsigned(u, 8)) {
        mov_rlo_i8(dest, u);
        return;
    }
    if (armv7m_) {
        if (fits_unsigned(u, 16)) {
            mov_reg_i16(false, dest, u);
        } else {
            mov_reg_i32(dest, u);
        }
        return;
    }
    // armv6m: an 8-bit value shifted into place, or a 16-bit one built in three steps, maybe
    // negated; anything else is a literal word (never negated: it costs the same).
    bool negate = value < 0 && value != INT32_MIN;
    if (negate) u = 0u - u;
    const unsigned clz = static_cast<unsigned>(std::countl_zero(u));
    const unsigned ctz = u != 0 ? static_cast<unsigned>(std::countr_zero(u)) : 0;
    if (clz + ctz >= 24) {
        mov_rlo_i8(dest, (u >> ctz) & 0xff);
        lsl_rlo_rlo_i5(dest, dest, ctz);
    } else if (fits_unsigned(u, 16)) {
        mov_rlo_i16(dest, u);
    } else {
        if (negate) {
            negate = false;
            u = 0u - u;
        }
        mov_reg_i32(dest, u);
    }
    if (negate) alu(thumb::NEG, dest, dest);
}

// ---- memory ----------------------------------------------------------------------------------------

// dest = base + (offset << shift), low registers only.
void AsmThumb::add_reg_reg_offset(unsigned dest, unsigned base, std::uint32_t offset, unsigned shift) {
    if (dest >= 8 || base >= 8) throw std::logic_error("AsmThumb: add_reg_reg_offset needs low registers");
    const std::uint32_t scaled = offset << shift;
    if (scaled < 256) {
        if (dest != base) mov_reg_reg(dest, base);
        add_rlo_i8(dest, scaled);
    } else if (fits_unsigned(offset, 8) && dest != base) {
        mov_rlo_i8(dest, offset);
        lsl_rlo_rlo_i5(dest, dest, shift);
        add_rlo_rlo_rlo(dest, dest, base);
    } else if (dest != base) {
        mov_reg_i32_optimised(dest, static_cast<std::int32_t>(scaled));
        add_rlo_rlo_rlo(dest, dest, base);
    } else {
        const unsigned other = dest ^ 7;
        push_rlist(1u << other);
        mov_reg_i32_optimised(other, static_cast<std::int32_t>(scaled));
        add_rlo_rlo_rlo(dest, dest, other);
        pop_rlist(1u << other);
    }
}

void AsmThumb::load_reg_reg_offset(unsigned dest, unsigned base, std::uint32_t offset, unsigned size_log2) {
    const std::uint32_t t1 = (kLdStImm[size_log2] | 1) << 11;
    if (fits_unsigned(offset, 5) && dest < 8 && base < 8) {
        op16(t1 | (offset << 6) | (base << 3) | dest);
    } else if (armv7m_ && fits_unsigned(offset << size_log2, 12)) {
        op32(0xf880 | (size_log2 << 5) | base | 0x10, (dest << 12) | (offset << size_log2));
    } else {
        add_reg_reg_offset(dest, base, offset - 31, size_log2);
        op16(t1 | (31 << 6) | (dest << 3) | dest);
    }
}

void AsmThumb::store_reg_reg_offset(unsigned src, unsigned base, std::uint32_t offset, unsigned size_log2) {
    const std::uint32_t t1 = kLdStImm[size_log2] << 11;
    if (fits_unsigned(offset, 5) && src < 8 && base < 8) {
        op16(t1 | (offset << 6) | (base << 3) | src);
    } else if (armv7m_ && fits_unsigned(offset << size_log2, 12)) {
        op32(0xf880 | (size_log2 << 5) | base, (src << 12) | (offset << size_log2));
    } else {
        push_rlist(1u << base);
        add_reg_reg_offset(base, base, offset - 31, size_log2);
        op16(t1 | (31 << 6) | (base << 3) | src);
        pop_rlist(1u << base);
    }
}

// ---- control flow ----------------------------------------------------------------------------------

std::int64_t AsmThumb::branch_rel(std::size_t label) const {
    return label_offset(label) - static_cast<std::int64_t>(code_pos()) - 4;
}

bool AsmThumb::b_n_label(std::size_t label) {
    const std::int64_t rel = branch_rel(label);
    op16(b_n(rel));
    return !emitting() || fits_signed(rel, 12);
}

bool AsmThumb::bcc_nw_label(Cond cc, std::size_t label, bool wide) {
    const std::int64_t rel = branch_rel(label);
    if (!wide) {
        op16(bcc_n(cc, rel));
        return !emitting() || fits_signed(rel, 9);
    }
    if (!armv7m_) return false;
    op32(bcc_w_hi(cc, rel), bcc_w_lo(rel));
    return true;
}

bool AsmThumb::bl_label(std::size_t label) {
    const std::int64_t rel = branch_rel(label);
    op32(bl_hi(rel), bl_lo(rel));
    return !emitting() || fits_signed(rel, 23);
}

void AsmThumb::b_label(std::size_t label) {
    const bool placed = label_offset(label) != -1;
    std::int64_t rel = branch_rel(label);
    if (placed && rel <= -4 && fits_signed(rel, 12)) {
        op16(b_n(rel));  // backward: its size is known in both passes
        return;
    }
    if (armv7m_) {
        op32(b_w_hi(rel), b_w_lo(rel));
        return;
    }
    // armv6m: the same size whatever the distance turns out to be.
    const bool need_align = (code_pos() & 2) != 0;
    if (fits_signed(rel, 12)) {
        op16(b_n(rel));
        op16(thumb::kNop);
        op16(thumb::kNop);
        op16(thumb::kNop);
        if (need_align) op16(thumb::kNop);
    } else {
        // ldr r1, [pc]; add pc, r1; .word rel (r0 may hold the return value, so r1)
        rel -= 2;
        if (need_align) {
            op16(thumb::kNop);
            rel -= 2;
        }
        ldr_rlo_pcrel_i8(thumb::R1, 0);
        add_reg_reg(thumb::PC, thumb::R1);
        op16(static_cast<std::uint32_t>(rel) & 0xffff);
        op16((static_cast<std::uint32_t>(rel) >> 16) & 0xffff);
    }
}

void AsmThumb::bcc_label(Cond cc, std::size_t label) {
    const bool placed = label_offset(label) != -1;
    const std::int64_t rel = branch_rel(label);
    if (placed && rel <= -4 && fits_signed(rel, 9)) {
        op16(bcc_n(cc, rel));
        return;
    }
    if (armv7m_) {
        op32(bcc_w_hi(cc, rel), bcc_w_lo(rel));
        return;
    }
    // armv6m: the inverted condition skips over an unconditional long branch.
    const std::size_t start = code_pos();
    std::uint8_t* slot = reserve(2);
    b_label(label);
    const std::uint32_t op = bcc_n(cc ^ 1u, static_cast<std::int64_t>(code_pos() - start) - 4);
    if (slot != nullptr) {
        slot[0] = static_cast<std::uint8_t>(op);
        slot[1] = static_cast<std::uint8_t>(op >> 8);
    }
}

void AsmThumb::bcc_rel9(Cond cc, int rel) { op16(bcc_n(cc, rel - 4)); }

void AsmThumb::b_rel12(int rel) { op16(b_n(rel - 4)); }

void AsmThumb::bl_ind(std::size_t fun, unsigned temp) {
    load_reg_reg_offset(temp, thumb::R7, static_cast<std::uint32_t>(fun), 2);
    blx_reg(temp);
}

}  // namespace mpy
