// What the x86 (-march=x86, 32-bit) and x86-64 (-march=x64) assemblers of the native emitter
// encode alike: ModRM/SIB memory operands, the condition codes, and the label jumps with the
// reference's short/long choice.  AsmX86 (compiler/asm/x86/asm_x86.h) and AsmX64 (compiler/asm/x86/asm_x64.h)
// derive from AsmX86RegisterOps (the register-to-register operations, stated once over their
// register type) and AsmX86Family, and add their own register sets (x64: the REX prefix).
//
// The rules that make the bytes match mpy-cross:
//   - a memory operand has no displacement when it is 0 (except with an ebp/rbp/r13 base, which
//     cannot encode that), disp8 when it fits in a signed byte, else disp32; an esp/rsp/r12 base
//     needs a SIB byte (0x24: no index);
//   - a jump is short (rel8) only when it goes BACKWARD to a label already placed in this pass and
//     the offset fits; a forward jump (and a jump to the current position) is rel32, so label
//     offsets found in the size pass stay valid in the emit pass.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>

#include "compiler/asm/base/asm_base.h"

namespace mpy {

namespace x86_family {

// Condition codes (the low nibble of Jcc / SETcc opcodes).
enum Cond : std::uint8_t {
    CC_B = 0x2,   // below (unsigned <)
    CC_AE = 0x3,  // above or equal (unsigned >=)
    CC_E = 0x4,   // equal / zero
    CC_NE = 0x5,  // not equal / not zero
    CC_BE = 0x6,  // below or equal (unsigned <=)
    CC_A = 0x7,   // above (unsigned >)
    CC_L = 0xc,   // less (signed <)
    CC_GE = 0xd,  // greater or equal (signed >=)
    CC_LE = 0xe,  // less or equal (signed <=)
    CC_G = 0xf,   // greater (signed >)
};
inline constexpr Cond CC_Z = CC_E;
inline constexpr Cond CC_NZ = CC_NE;

// ModRM.mod values.
inline constexpr std::uint8_t kModNoDisp = 0x00;
inline constexpr std::uint8_t kModDisp8 = 0x40;
inline constexpr std::uint8_t kModDisp32 = 0x80;
inline constexpr std::uint8_t kModReg = 0xc0;

// The low three bits of a register number (what ModRM and the +r opcodes hold).
constexpr std::uint8_t low3(int reg) { return static_cast<std::uint8_t>(reg & 7); }
constexpr std::uint8_t modrm(std::uint8_t mod, int reg, int rm) {
    return static_cast<std::uint8_t>(mod | (low3(reg) << 3) | low3(rm));
}
constexpr bool fits_i8(std::int64_t v) { return v >= -128 && v <= 127; }

// Register numbers (low three bits) with special meaning as a memory base.
inline constexpr int kBaseNeedsSib = 4;   // esp / rsp / r12
inline constexpr int kBaseNeedsDisp = 5;  // ebp / rbp / r13

}  // namespace x86_family

class AsmX86Family : public AsmBase {
public:
    using Cond = x86_family::Cond;

    void jmp(std::size_t label);
    void jcc(Cond cc, std::size_t label);
    void ret() { put({0xc3}); }
    void nop() { put({0x90}); }

protected:
    using AsmBase::AsmBase;

    void put(std::initializer_list<std::uint8_t> bytes);
    void put32(std::uint32_t v) { data(4, v); }
    // ModRM (+SIB, +disp) for a [base + disp] operand with `reg` in ModRM.reg.
    void put_mem_operand(int reg, int base, std::int32_t disp);
    // A label jump: `short_op rel8` backward when it fits, else `long_op rel32`.
    void jump(std::uint8_t short_op, std::initializer_list<std::uint8_t> long_op, std::size_t label);
};

// The register-to-register operations both write with the same opcode and ModRM (mod=11,
// reg=src, rm=dest): only the prefix differs, which `Arch::op_reg_reg(opcode, dest, src)` adds
// (x64: REX.W with the high register bits; x86: none).  Arch is the derived assembler (CRTP),
// Reg its register enum.
template <typename Arch, typename Reg>
class AsmX86RegisterOps : public AsmX86Family {
public:
    // ---- moves and arithmetic (dest = dest op src, the word size) ----------------------------
    void mov_reg_reg(Reg dest, Reg src) { op(0x89, dest, src); }
    void add(Reg dest, Reg src) { op(0x01, dest, src); }
    void sub(Reg dest, Reg src) { op(0x29, dest, src); }
    void and_(Reg dest, Reg src) { op(0x21, dest, src); }
    void or_(Reg dest, Reg src) { op(0x09, dest, src); }
    void xor_(Reg dest, Reg src) { op(0x31, dest, src); }
    // Group opcodes: the ModRM.reg field selects the operation.
    void not_(Reg reg) { op(0xf7, reg, 2); }
    void neg(Reg reg) { op(0xf7, reg, 3); }
    void shl_cl(Reg reg) { op(0xd3, reg, 4); }  // reg <<= cl
    void shr_cl(Reg reg) { op(0xd3, reg, 5); }  // reg >>= cl (logical)
    void sar_cl(Reg reg) { op(0xd3, reg, 7); }  // reg >>= cl (arithmetic)
    // Flags from `lhs - rhs` (39 /r, ModRM.rm = lhs): the reference's cmp_rN_with_rN(rhs, lhs).
    void cmp(Reg lhs, Reg rhs) { op(0x39, lhs, rhs); }

protected:
    using AsmX86Family::AsmX86Family;

private:
    void op(std::uint8_t opcode, Reg dest, int src) { static_cast<Arch&>(*this).op_reg_reg(opcode, dest, src); }
};

}  // namespace mpy
