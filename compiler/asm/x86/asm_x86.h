// 32-bit x86 assembler for the native emitter (@micropython.native / viper, `-march=x86`).
//
// It writes the bytes MicroPython's asmx86 writes for the same operations (mpyc's output must be
// byte-identical to `mpy-cross -march=x86`).  What it shares with x86-64 (memory operands, label
// jumps) is in compiler/asm/x86/asm_x86_common.h; what is its own:
//   - no REX prefix and 32-bit operations only; a register is always loaded with the 5-byte
//     `mov r32, imm32`;
//   - cdecl calls: the runtime function's arguments are PUSHED from eax, ecx, edx, ebx (the
//     emitter's argument registers), with esp padded to a 16-byte boundary, and popped by the
//     caller after the call (call_ind needs the callee's argument count);
//   - the native function's own arguments arrive on the stack, above the frame (mov_reg_arg);
//   - a pc-relative address is made with `call +0; pop reg; add reg, imm32`.
//
// Stack frame built by entry(n): push ebp, ebx, esi, edi; then `sub esp, 4*m` where m is n with
// its two low bits set (n | 3), so esp stays 16-byte aligned.  Local slot i lives at [esp + 4*i];
// argument i of the function at [esp + 4*(m + 4 saved registers + return address + i)].
#pragma once

#include <cstddef>
#include <cstdint>

#include "compiler/asm/x86/asm_x86_common.h"

namespace mpy {

namespace x86 {

using namespace x86_family;

// Register numbers as the CPU encodes them.
enum Reg : std::uint8_t { EAX = 0, ECX = 1, EDX = 2, EBX = 3, ESP = 4, EBP = 5, ESI = 6, EDI = 7 };

inline constexpr std::int32_t kWordSize = 4;
// The registers the emitter puts a runtime call's arguments in (call_ind pushes them).
inline constexpr Reg kRegArg1 = EAX;
inline constexpr Reg kRegArg2 = ECX;
inline constexpr Reg kRegArg3 = EDX;
inline constexpr Reg kRegArg4 = EBX;
// Holds a pointer to mp_fun_table for the whole function.
inline constexpr Reg kRegFunTable = EBP;

// Operand width of a memory access, in bytes.
enum class Width : std::uint8_t { W8 = 1, W16 = 2, W32 = 4 };

}  // namespace x86

class AsmX86 : public AsmX86RegisterOps<AsmX86, x86::Reg> {
public:
    using Reg = x86::Reg;
    using Width = x86::Width;

    AsmX86() : AsmX86RegisterOps("AsmX86") {}

    // ---- function frame, arguments and locals ------------------------------------------------
    void entry(int num_locals);
    void exit();                                         // undoes entry() and returns
    void mov_reg_arg(Reg dest, int arg_num);             // mov dest, [esp + ..argument..]
    void mov_reg_local(Reg dest, int local_num);         // mov dest, [esp + 4*local]
    void mov_local_reg(int local_num, Reg src);          // mov [esp + 4*local], src
    void mov_reg_local_addr(Reg dest, int local_num);    // mov dest, esp / lea dest, [esp + 4*local]
    // dest = address of `label`: call +0; pop dest; add dest, imm32.
    void mov_reg_pcrel(Reg dest, std::size_t label);

    // ---- moves and memory (mov_reg_reg: AsmX86RegisterOps) -----------------------------------
    // mov r32, imm32 (the low 32 bits of `value`); returns the offset of the immediate.
    std::size_t mov_reg_imm(Reg dest, std::uint32_t value);
    // Zero-extending loads: dest = [base + disp].
    void load(Width w, Reg dest, Reg base, std::int32_t disp);
    // Stores of the low `w` bytes of src: [base + disp] = src.
    void store(Width w, Reg src, Reg base, std::int32_t disp);
    void lea(Reg dest, Reg base, std::int32_t disp);

    // ---- arithmetic (dest = dest op src; add, sub, ...: AsmX86RegisterOps) -------------------
    void mul(Reg dest, Reg src);  // imul dest, src
    void add_imm(Reg dest, std::int32_t value);  // imm8 form when it fits
    void sub_imm(Reg dest, std::int32_t value);  // imm8 form when it fits

    // ---- compare / test / setcc (cmp: AsmX86RegisterOps) ------------------------------------
    void test32(Reg a, Reg b);  // 85 /r, ModRM.reg = a, ModRM.rm = b
    // 84 /r; like the reference, esp..edi mean ah..bh here.
    void test8(Reg a, Reg b);
    void setcc(Cond cc, Reg dest);  // the low byte of dest (upper bits left alone)

    // ---- control flow ------------------------------------------------------------------------
    void jmp_reg(Reg reg);
    // ASM_JUMP_IF_REG_ZERO / _NONZERO: test reg,reg (8-bit test if bool_test) then jz / jnz.
    void jump_if_zero(Reg reg, std::size_t label, bool bool_test);
    void jump_if_nonzero(Reg reg, std::size_t label, bool bool_test);
    // ASM_JUMP_IF_REG_EQ: cmp reg2, reg1; je.
    void jump_if_equal(Reg reg1, Reg reg2, std::size_t label);
    // Calls word `fun_index` of mp_fun_table (through `temp`) with the first `n_args` (0..4)
    // argument registers pushed as its cdecl arguments.
    void call_ind(std::size_t fun_index, unsigned n_args, Reg temp);
    void push(Reg reg);
    void pop(Reg reg);

private:
    friend class AsmX86RegisterOps<AsmX86, x86::Reg>;

    // op ModRM(mod=11, reg=src, rm=dest): the two-register form.
    void op_reg_reg(std::uint8_t opcode, Reg dest, int src);
    // 83 /ext ib or 81 /ext id on a register.
    void op_reg_imm(int ext, Reg dest, std::int32_t value);

    int frame_locals_ = 0;  // the slot count entry() reserved (n | 3)
};

}  // namespace mpy
