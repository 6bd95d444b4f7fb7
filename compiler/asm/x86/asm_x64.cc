// x86-64 encodings for the native emitter; see asm_x64.h for the rules that make the output match
// mpy-cross 1.27 byte for byte.
#include "compiler/asm/x86/asm_x64.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace mpy {

namespace {

using x64::Reg;
using namespace x86_family;

// REX prefix bits.
constexpr std::uint8_t kRex = 0x40;
constexpr std::uint8_t kRexW = 0x08;  // 64-bit operand
constexpr std::uint8_t kRexR = 0x04;  // extends ModRM.reg
constexpr std::uint8_t kRexB = 0x01;  // extends ModRM.rm / opcode register

constexpr std::uint8_t rex_r(int reg) { return (reg & 8) ? kRexR : 0; }
constexpr std::uint8_t rex_b(int reg) { return (reg & 8) ? kRexB : 0; }
constexpr bool is_extended(Reg r) { return r >= x64::R8; }

void require_low_reg(Reg r, const char* what) {
    if (is_extended(r)) {
        throw std::logic_error(std::string("AsmX64: ") + what + " needs a register below r8");
    }
}

}  // namespace

// ---- raw bytes and operands ---------------------------------------------------------------------

void AsmX64::put64(std::uint64_t v) { data(8, v); }

void AsmX64::op_reg_reg(std::uint8_t opcode, Reg dest, int src) {
    put({static_cast<std::uint8_t>(kRex | kRexW | rex_r(src) | rex_b(dest)), opcode,
         modrm(kModReg, src, dest)});
}

// ---- frame and locals ---------------------------------------------------------------------------

void AsmX64::entry(int num_locals) {
    if (num_locals < 0) {
        throw std::logic_error("AsmX64: negative local count");
    }
    push(x64::RBP);
    push(x64::RBX);
    push(x64::R12);
    push(x64::R13);
    // Four pushes + return address leave rsp 8 off 16-byte alignment; an odd slot count fixes it.
    frame_locals_ = num_locals | 1;
    sub_imm(x64::RSP, frame_locals_ * static_cast<std::int32_t>(x64::kWordSize));
}

void AsmX64::exit() {
    sub_imm(x64::RSP, -frame_locals_ * static_cast<std::int32_t>(x64::kWordSize));
    pop(x64::R13);
    pop(x64::R12);
    pop(x64::RBX);
    pop(x64::RBP);
    ret();
}

void AsmX64::mov_reg_local(Reg dest, int local_num) {
    load(Width::W64, dest, x64::RSP, local_num * static_cast<std::int32_t>(x64::kWordSize));
}

void AsmX64::mov_local_reg(int local_num, Reg src) {
    store(Width::W64, src, x64::RSP, local_num * static_cast<std::int32_t>(x64::kWordSize));
}

void AsmX64::mov_reg_local_addr(Reg dest, int local_num) {
    const std::int32_t offset = local_num * static_cast<std::int32_t>(x64::kWordSize);
    if (offset == 0) {
        mov_reg_reg(dest, x64::RSP);
    } else {
        lea(dest, x64::RSP, offset);
    }
}

void AsmX64::mov_reg_pcrel(Reg dest, std::size_t label) {
    // rel32 is measured from the end of this 7-byte instruction.  In the size pass a forward
    // label is still -1: the value is garbage but only the length matters there.
    const std::int64_t rel = label_offset(label) - static_cast<std::int64_t>(code_pos() + 7);
    put({static_cast<std::uint8_t>(kRex | kRexW | rex_r(dest)), 0x8d, modrm(kModNoDisp, dest, x64::RBP)});
    put32(static_cast<std::uint32_t>(rel));
}

// ---- moves --------------------------------------------------------------------------------------

void AsmX64::mov_reg_imm(Reg dest, std::int64_t value) {
    if ((static_cast<std::uint64_t>(value) >> 32) == 0) {
        mov_reg_imm32(dest, static_cast<std::uint32_t>(value));  // zero-extends: 5 bytes
    } else {
        mov_reg_imm64(dest, value);  // 10 bytes
    }
}

std::size_t AsmX64::mov_reg_imm32(Reg dest, std::uint32_t value) {
    if (is_extended(dest)) {
        put({static_cast<std::uint8_t>(kRex | kRexB), static_cast<std::uint8_t>(0xb8 | low3(dest))});
    } else {
        put({static_cast<std::uint8_t>(0xb8 | low3(dest))});
    }
    const std::size_t imm_at = code_pos();
    put32(value);
    return imm_at;
}

void AsmX64::mov_reg_imm64(Reg dest, std::int64_t value) {
    put({static_cast<std::uint8_t>(kRex | kRexW | rex_b(dest)), static_cast<std::uint8_t>(0xb8 | low3(dest))});
    put64(static_cast<std::uint64_t>(value));
}

// ---- memory -------------------------------------------------------------------------------------

void AsmX64::load(Width w, Reg dest, Reg base, std::int32_t disp) {
    const bool need_rex = is_extended(dest) || is_extended(base);
    const auto rex = static_cast<std::uint8_t>(kRex | rex_r(dest) | rex_b(base));
    switch (w) {
        case Width::W8:   // movzx r32, byte [..]  (0f b6)
        case Width::W16:  // movzx r32, word [..]  (0f b7)
        {
            const std::uint8_t op = w == Width::W8 ? 0xb6 : 0xb7;
            if (need_rex) {
                put({rex, 0x0f, op});
            } else {
                put({0x0f, op});
            }
            break;
        }
        case Width::W32:  // mov r32, [..] zero-extends to 64 bits
            if (need_rex) {
                put({rex, 0x8b});
            } else {
                put({0x8b});
            }
            break;
        case Width::W64:
            put({static_cast<std::uint8_t>(rex | kRexW), 0x8b});
            break;
    }
    put_mem_operand(dest, base, disp);
}

void AsmX64::store(Width w, Reg src, Reg base, std::int32_t disp) {
    const bool need_rex = is_extended(src) || is_extended(base);
    const auto rex = static_cast<std::uint8_t>(kRex | rex_r(src) | rex_b(base));
    // NOTE: like the reference, an 8-bit store from sil/dil/spl/bpl gets no REX prefix, so it
    // actually stores dh/bh/ah/ch; the native emitter never stores bytes from those registers.
    switch (w) {
        case Width::W8:
            if (need_rex) {
                put({rex, 0x88});
            } else {
                put({0x88});
            }
            break;
        case Width::W16:
            if (need_rex) {
                put({0x66, rex, 0x89});
            } else {
                put({0x66, 0x89});
            }
            break;
        case Width::W32:
            if (need_rex) {
                put({rex, 0x89});
            } else {
                put({0x89});
            }
            break;
        case Width::W64:
            put({static_cast<std::uint8_t>(rex | kRexW), 0x89});
            break;
    }
    put_mem_operand(src, base, disp);
}

void AsmX64::lea(Reg dest, Reg base, std::int32_t disp) {
    put({static_cast<std::uint8_t>(kRex | kRexW | rex_r(dest) | rex_b(base)), 0x8d});
    put_mem_operand(dest, base, disp);
}

// ---- arithmetic ---------------------------------------------------------------------------------

void AsmX64::mul(Reg dest, Reg src) {
    // imul r64, r/m64 (0f af /r): here dest is ModRM.reg, unlike the 01/29/... forms.
    put({static_cast<std::uint8_t>(kRex | kRexW | rex_r(dest) | rex_b(src)), 0x0f, 0xaf,
         modrm(kModReg, dest, src)});
}

void AsmX64::sub_imm(Reg dest, std::int32_t value) {
    require_low_reg(dest, "sub_imm");
    if (fits_i8(value)) {
        put({kRex | kRexW, 0x83, modrm(kModReg, 5, dest), static_cast<std::uint8_t>(value)});
    } else {
        put({kRex | kRexW, 0x81, modrm(kModReg, 5, dest)});
        put32(static_cast<std::uint32_t>(value));
    }
}

// ---- compare / test / setcc ---------------------------------------------------------------------

void AsmX64::test64(Reg a, Reg b) { op_reg_reg(0x85, b, a); }

void AsmX64::test8(Reg a, Reg b) {
    require_low_reg(a, "test8");
    require_low_reg(b, "test8");
    put({0x84, modrm(kModReg, a, b)});
}

void AsmX64::setcc(Cond cc, Reg dest) {
    require_low_reg(dest, "setcc");
    put({0x0f, static_cast<std::uint8_t>(0x90 | cc), modrm(kModReg, 0, dest)});
}

// ---- control flow -------------------------------------------------------------------------------

void AsmX64::jmp_reg(Reg reg) {
    require_low_reg(reg, "jmp_reg");
    put({0xff, modrm(kModReg, 4, reg)});
}

void AsmX64::jump_if_zero(Reg reg, std::size_t label, bool bool_test) {
    if (bool_test) {
        test8(reg, reg);
    } else {
        test64(reg, reg);
    }
    jcc(x64::CC_Z, label);
}

void AsmX64::jump_if_nonzero(Reg reg, std::size_t label, bool bool_test) {
    if (bool_test) {
        test8(reg, reg);
    } else {
        test64(reg, reg);
    }
    jcc(x64::CC_NZ, label);
}

void AsmX64::jump_if_equal(Reg reg1, Reg reg2, std::size_t label) {
    cmp(reg2, reg1);  // the reference encodes `cmp reg2, reg1`
    jcc(x64::CC_E, label);
}

void AsmX64::call_ind(std::size_t fun_index, Reg temp) {
    require_low_reg(temp, "call_ind");
    load(Width::W64, temp, x64::kRegFunTable, static_cast<std::int32_t>(fun_index * x64::kWordSize));
    put({0xff, modrm(kModReg, 2, temp)});  // call temp
}

void AsmX64::push(Reg reg) {
    if (is_extended(reg)) {
        put({kRex | kRexB, static_cast<std::uint8_t>(0x50 | low3(reg))});
    } else {
        put({static_cast<std::uint8_t>(0x50 | low3(reg))});
    }
}

void AsmX64::pop(Reg reg) {
    if (is_extended(reg)) {
        put({kRex | kRexB, static_cast<std::uint8_t>(0x58 | low3(reg))});
    } else {
        put({static_cast<std::uint8_t>(0x58 | low3(reg))});
    }
}

}  // namespace mpy
