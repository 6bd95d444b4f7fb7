// x86-64 assembler for the native emitter (@micropython.native / viper, `-march=x64`).
//
// It writes exactly the bytes MicroPython 1.27's assembler writes for the same operations, because
// mpyc's native output must be byte-identical to `mpy-cross -march=x64`.  That pins down choices a
// general assembler would make differently:
//   - a register is loaded with a 5-byte `mov r32, imm32` (zero-extending) when the value fits in
//     32 unsigned bits, otherwise with a 10-byte `movabs r64, imm64` -- never a sign-extended imm32;
//   - memory operands use no displacement when it is 0 (except for rbp/r13 bases, which cannot
//     encode that), disp8 when it fits in a signed byte, else disp32; rsp/r12 bases get a SIB byte;
//   - a jump is short (rel8) only when it goes BACKWARD to a label already placed in this pass and
//     the offset fits; every forward jump (and a jump to the current position) is rel32, so label
//     offsets found in the size pass stay valid in the emit pass;
//   - sub-width loads zero-extend (movzx / 32-bit mov), and the REX prefix appears only when needed
//     (r8-r15) except for the 64-bit operations, which always carry REX.W.
//
// Passes, labels and dead code: see compiler/asm/base/asm_base.h.
//
// Stack frame built by entry(n): push rbp, rbx, r12, r13; then `sub rsp, 8*m` where m is n rounded
// up to an odd number (so rsp stays 16-byte aligned for calls).  Local slot i lives at [rsp + 8*i].
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "compiler/asm/x86/asm_x86_common.h"

namespace mpy {

namespace x64 {

// Register numbers as the CPU encodes them (the low 3 bits go in ModRM/opcode, bit 3 in REX).
enum Reg : std::uint8_t {
    RAX = 0, RCX = 1, RDX = 2, RBX = 3, RSP = 4, RBP = 5, RSI = 6, RDI = 7,
    R8 = 8, R9 = 9, R10 = 10, R11 = 11, R12 = 12, R13 = 13, R14 = 14, R15 = 15,
};

// Condition codes and ModRM helpers shared with x86 (compiler/asm/x86/asm_x86_common.h).
using namespace x86_family;

// The register roles the native emitter uses (System V AMD64 calling convention).
inline constexpr std::size_t kWordSize = 8;
inline constexpr Reg kRegRet = RAX;
inline constexpr Reg kRegArg1 = RDI;
inline constexpr Reg kRegArg2 = RSI;
inline constexpr Reg kRegArg3 = RDX;
inline constexpr Reg kRegArg4 = RCX;
inline constexpr Reg kRegArg5 = R8;
// Caller-saved scratch registers.
inline constexpr Reg kRegTemp0 = RAX;
inline constexpr Reg kRegTemp1 = RDI;
inline constexpr Reg kRegTemp2 = RSI;
// Callee-saved registers that hold the first Python locals.
inline constexpr Reg kRegLocal1 = RBX;
inline constexpr Reg kRegLocal2 = R12;
inline constexpr Reg kRegLocal3 = R13;
inline constexpr int kRegLocalNum = 3;
// Holds a pointer to mp_fun_table for the whole function.
inline constexpr Reg kRegFunTable = RBP;

// Operand width of a memory load/store, in bytes.
enum class Width : std::uint8_t { W8 = 1, W16 = 2, W32 = 4, W64 = 8 };

}  // namespace x64

class AsmX64 : public AsmX86RegisterOps<AsmX64, x64::Reg> {
public:
    using Reg = x64::Reg;
    using Width = x64::Width;

    AsmX64() : AsmX86RegisterOps("AsmX64") {}

    // ---- function frame and locals --------------------------------------------------------------
    void entry(int num_locals);
    void exit();  // restores the frame built by entry() and returns
    void mov_reg_local(Reg dest, int local_num);          // mov dest, [rsp + 8*local]
    void mov_local_reg(int local_num, Reg src);           // mov [rsp + 8*local], src
    void mov_reg_local_addr(Reg dest, int local_num);     // mov dest, rsp / lea dest, [rsp + 8*local]
    // lea dest, [rip + rel32] pointing at `label` (e.g. the constant data after the code).
    void mov_reg_pcrel(Reg dest, std::size_t label);

    // ---- moves (mov_reg_reg: AsmX86RegisterOps) -------------------------------------------------
    // The reference's choice: imm32 form if `value` fits in 32 unsigned bits, else imm64.
    void mov_reg_imm(Reg dest, std::int64_t value);
    // Always `mov r32, imm32` (5 or 6 bytes); returns the offset of the 4 immediate bytes.
    std::size_t mov_reg_imm32(Reg dest, std::uint32_t value);
    // Always `movabs r64, imm64` (10 bytes).
    void mov_reg_imm64(Reg dest, std::int64_t value);

    // ---- memory (byte displacement) ------------------------------------------------------------
    // Zero-extending loads: dest = [base + disp].
    void load(Width w, Reg dest, Reg base, std::int32_t disp);
    // Stores of the low `w` bytes of src: [base + disp] = src.
    void store(Width w, Reg src, Reg base, std::int32_t disp);
    // The generic-API forms: the offset counts ELEMENTS of width w (ASM_LOAD16_REG_REG_OFFSET ...).
    void load_index(Width w, Reg dest, Reg base, std::int32_t index) {
        load(w, dest, base, index * static_cast<std::int32_t>(w));
    }
    void store_index(Width w, Reg src, Reg base, std::int32_t index) {
        store(w, src, base, index * static_cast<std::int32_t>(w));
    }
    // lea dest, [base + disp]
    void lea(Reg dest, Reg base, std::int32_t disp);

    // ---- arithmetic (dest = dest op src, 64-bit; add, sub, ...: AsmX86RegisterOps) --------------
    void mul(Reg dest, Reg src);  // imul dest, src
    // sub rsp-style immediate subtraction (used by entry/exit; reg must be < r8).
    void sub_imm(Reg dest, std::int32_t value);

    // ---- compare / test / setcc (cmp: AsmX86RegisterOps) ------------------------------------------
    // NOTE the reference's asm_x64_cmp_r64_with_r64(a, b) is cmp(b, a) here.
    // test a, b (64-bit; opcode 85 /r, ModRM.rm = b, ModRM.reg = a).
    void test64(Reg a, Reg b);
    // test a8, b8 (opcode 84 /r, ModRM.reg = a, ModRM.rm = b; both < r8).
    void test8(Reg a, Reg b);
    // setcc dest8 (dest < r8; the upper bits are left alone).
    void setcc(Cond cc, Reg dest);

    // ---- control flow ------------------------------------------------------------------------------
    void jmp_reg(Reg reg);  // jmp reg (reg < r8)
    // ASM_JUMP_IF_REG_ZERO / _NONZERO: test reg,reg (8-bit test if bool_test) then jz / jnz.
    void jump_if_zero(Reg reg, std::size_t label, bool bool_test);
    void jump_if_nonzero(Reg reg, std::size_t label, bool bool_test);
    // ASM_JUMP_IF_REG_EQ: compare then je.
    void jump_if_equal(Reg reg1, Reg reg2, std::size_t label);
    // call [kRegFunTable + 8*fun_index] through `temp` (mov temp, [rbp+..]; call temp).
    void call_ind(std::size_t fun_index, Reg temp = x64::RAX);
    void push(Reg reg);
    void pop(Reg reg);

private:
    friend class AsmX86RegisterOps<AsmX64, x64::Reg>;

    void put64(std::uint64_t v);
    // REX.W op ModRM(mod=11, reg=src, rm=dest): the two-register 64-bit form.
    void op_reg_reg(std::uint8_t opcode, Reg dest, int src);

    int frame_locals_ = 0;  // the odd slot count entry() reserved (exit() releases it)
};

}  // namespace mpy
