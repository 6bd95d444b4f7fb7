// 32-bit x86 encodings for the native emitter; see asm_x86.h for the choices that make the
// output match mpy-cross byte for byte.
#include "compiler/asm/x86/asm_x86.h"

#include <iterator>
#include <stdexcept>
#include <string>

namespace mpy {

namespace {

using x86::Reg;
using namespace x86_family;

// The registers entry() saves, in push order (callee-saved in cdecl).
constexpr Reg kSavedRegs[] = {x86::EBP, x86::EBX, x86::ESI, x86::EDI};
constexpr std::int32_t kSavedWords = 4;
constexpr std::int32_t kReturnAddressWords = 1;

}  // namespace

void AsmX86::op_reg_reg(std::uint8_t opcode, Reg dest, int src) { put({opcode, modrm(kModReg, src, dest)}); }

void AsmX86::op_reg_imm(int ext, Reg dest, std::int32_t value) {
    if (fits_i8(value)) {
        put({0x83, modrm(kModReg, ext, dest), static_cast<std::uint8_t>(value)});
    } else {
        put({0x81, modrm(kModReg, ext, dest)});
        put32(static_cast<std::uint32_t>(value));
    }
}

// ---- frame, arguments and locals --------------------------------------------------------------

void AsmX86::entry(int num_locals) {
    if (num_locals < 0) throw std::logic_error("AsmX86: negative local count");
    for (Reg r : kSavedRegs) push(r);
    // Four pushes + return address are 5 words; 3 more (mod 4) make 16-byte alignment.
    frame_locals_ = num_locals | 3;
    sub_imm(x86::ESP, frame_locals_ * x86::kWordSize);
}

void AsmX86::exit() {
    sub_imm(x86::ESP, -frame_locals_ * x86::kWordSize);
    for (auto it = std::rbegin(kSavedRegs); it != std::rend(kSavedRegs); ++it) pop(*it);
    ret();
}

void AsmX86::mov_reg_arg(Reg dest, int arg_num) {
    const std::int32_t words = frame_locals_ + kSavedWords + kReturnAddressWords + arg_num;
    load(Width::W32, dest, x86::ESP, words * x86::kWordSize);
}

void AsmX86::mov_reg_local(Reg dest, int local_num) {
    load(Width::W32, dest, x86::ESP, local_num * x86::kWordSize);
}

void AsmX86::mov_local_reg(int local_num, Reg src) {
    store(Width::W32, src, x86::ESP, local_num * x86::kWordSize);
}

void AsmX86::mov_reg_local_addr(Reg dest, int local_num) {
    const std::int32_t offset = local_num * x86::kWordSize;
    if (offset == 0) {
        mov_reg_reg(dest, x86::ESP);
    } else {
        lea(dest, x86::ESP, offset);
    }
}

void AsmX86::mov_reg_pcrel(Reg dest, std::size_t label) {
    // 32-bit code has no rip-relative operand: the call pushes the address after it, which is
    // popped and moved by the label's distance from there.  In the size pass a forward label is
    // still -1: the value is garbage but only the length matters there.
    put({0xe8});
    put32(0);
    const std::int64_t rel = label_offset(label) - static_cast<std::int64_t>(code_pos());
    pop(dest);
    put({0x81, modrm(kModReg, 0, dest)});  // add dest, imm32 (never imm8: usually forward)
    put32(static_cast<std::uint32_t>(rel));
}

// ---- moves and memory -------------------------------------------------------------------------

std::size_t AsmX86::mov_reg_imm(Reg dest, std::uint32_t value) {
    put({static_cast<std::uint8_t>(0xb8 | dest)});
    const std::size_t imm_at = code_pos();
    put32(value);
    return imm_at;
}

void AsmX86::load(Width w, Reg dest, Reg base, std::int32_t disp) {
    switch (w) {
        case Width::W8: put({0x0f, 0xb6}); break;   // movzx r32, byte [..]
        case Width::W16: put({0x0f, 0xb7}); break;  // movzx r32, word [..]
        case Width::W32: put({0x8b}); break;
    }
    put_mem_operand(dest, base, disp);
}

void AsmX86::store(Width w, Reg src, Reg base, std::int32_t disp) {
    // NOTE: like the reference, a byte store from esp..edi stores ah..bh; the emitter stores
    // bytes from edx only (NativeTarget::store_value_in_fixed_reg).
    switch (w) {
        case Width::W8: put({0x88}); break;
        case Width::W16: put({0x66, 0x89}); break;  // operand-size prefix
        case Width::W32: put({0x89}); break;
    }
    put_mem_operand(src, base, disp);
}

void AsmX86::lea(Reg dest, Reg base, std::int32_t disp) {
    put({0x8d});
    put_mem_operand(dest, base, disp);
}

// ---- arithmetic -------------------------------------------------------------------------------

void AsmX86::add_imm(Reg dest, std::int32_t value) { op_reg_imm(0, dest, value); }
void AsmX86::sub_imm(Reg dest, std::int32_t value) { op_reg_imm(5, dest, value); }

void AsmX86::mul(Reg dest, Reg src) {
    // imul r32, r/m32 (0f af /r): here dest is ModRM.reg, unlike the 01/29/... forms.
    put({0x0f, 0xaf, modrm(kModReg, dest, src)});
}

// ---- compare / test / setcc -------------------------------------------------------------------

void AsmX86::test32(Reg a, Reg b) { op_reg_reg(0x85, b, a); }
void AsmX86::test8(Reg a, Reg b) { put({0x84, modrm(kModReg, a, b)}); }

void AsmX86::setcc(Cond cc, Reg dest) {
    put({0x0f, static_cast<std::uint8_t>(0x90 | cc), modrm(kModReg, 0, dest)});
}

// ---- control flow -----------------------------------------------------------------------------

void AsmX86::jmp_reg(Reg reg) { put({0xff, modrm(kModReg, 4, reg)}); }

void AsmX86::jump_if_zero(Reg reg, std::size_t label, bool bool_test) {
    if (bool_test) {
        test8(reg, reg);
    } else {
        test32(reg, reg);
    }
    jcc(CC_Z, label);
}

void AsmX86::jump_if_nonzero(Reg reg, std::size_t label, bool bool_test) {
    if (bool_test) {
        test8(reg, reg);
    } else {
        test32(reg, reg);
    }
    jcc(CC_NZ, label);
}

void AsmX86::jump_if_equal(Reg reg1, Reg reg2, std::size_t label) {
    cmp(reg2, reg1);
    jcc(CC_E, label);
}

void AsmX86::call_ind(std::size_t fun_index, unsigned n_args, Reg temp) {
    static constexpr Reg kArgRegs[] = {x86::kRegArg1, x86::kRegArg2, x86::kRegArg3, x86::kRegArg4};
    if (n_args > std::size(kArgRegs)) {
        throw std::logic_error("AsmX86: call_ind with " + std::to_string(n_args) + " arguments");
    }
    // esp must be 16-byte aligned at the call: pad the pushed words up to a multiple of four.
    const auto padding = static_cast<std::int32_t>(((n_args + 3) & ~3u) - n_args);
    if (padding != 0) sub_imm(x86::ESP, padding * x86::kWordSize);
    for (unsigned i = n_args; i-- > 0;) push(kArgRegs[i]);  // cdecl: the last argument first
    load(Width::W32, temp, x86::kRegFunTable, static_cast<std::int32_t>(fun_index) * x86::kWordSize);
    put({0xff, modrm(kModReg, 2, temp)});  // call temp
    // The caller pops the arguments (and the padding).
    if (n_args > 0) add_imm(x86::ESP, (static_cast<std::int32_t>(n_args) + padding) * x86::kWordSize);
}

void AsmX86::push(Reg reg) { put({static_cast<std::uint8_t>(0x50 | reg)}); }

void AsmX86::pop(Reg reg) { put({static_cast<std::uint8_t>(0x58 | reg)}); }

}  // namespace mpy
