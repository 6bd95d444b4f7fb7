// The architecture-neutral native emitter (compiler/native/native_function.h) is written once over this
// small interface: the generic assembler operations every back end provides (the role of
// MicroPython's ASM_* macros) and the facts about the target it needs (word size, register
// roles, the size of the nlr buffer).  Each architecture implements it in native_arch_<arch>.cc
// over its own assembler (compiler/asm/<isa>/asm_<isa>.h).
//
// Offsets are in ELEMENTS of the access width (a Word load at index 2 reads base + 2 words), as
// the reference's ASM_LOAD*_REG_REG_OFFSET take them; local slots are words from the frame base.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/compat_version.h"
#include "compiler/asm/base/asm_base.h"
#include "common/mpy_format.h"

namespace mpy {

// A machine register number as the architecture numbers it.
using NReg = std::uint8_t;

// Width of a memory access.
enum class NWidth : std::uint8_t { W8, W16, W32, Word };

// The six integer comparisons of viper, in MP_BINARY_OP_LESS.. order.
enum class NCompare : std::uint8_t { Less, More, Equal, LessEqual, MoreEqual, NotEqual };

enum class NShift : std::uint8_t { Left, RightLogical, RightArith };

// Register roles and frame facts of a target (py/asm<arch>.h's REG_* and the nlr_buf layout
// mpy-cross assumes for the architecture).
struct NativeTarget {
    unsigned word_size = 8;
    int nlr_buf_words = 0;   // 2 + saved registers + 1 spare word (SIZEOF_NLR_BUF)
    int nlr_idx_local1 = 0;  // word of nlr_buf holding REG_LOCAL_1 (the handler-PC slot)
    NReg ret = 0, arg1 = 0, arg2 = 0, arg3 = 0, arg4 = 0;
    NReg temp0 = 0, temp1 = 0, temp2 = 0;
    NReg local1 = 0, local2 = 0, local3 = 0;
    NReg fun_table = 0;
    NReg call_temp = 0;              // scratch register of an indirect call (ASM_CALL_IND)
    NReg setup_code_state_temp = 0;  // the one the call to mp_setup_code_state uses
    // x86: shifts take their count in this register (CL) and the emitter routes it there.
    std::optional<NReg> shift_count_reg;
    // x86: a byte store's value must be in a fixed register, so viper pops it there.
    bool store_value_in_fixed_reg = false;
    // x86: the function's own arguments arrive on the C stack (NativeAsm::mov_reg_arg reads
    // them), not in arg1..arg4.
    bool args_on_stack = false;
    // RISC-V: a register that always reads zero (REG_ZERO); a NULL is stored straight from it.
    std::optional<NReg> zero_reg;
    // Xtensa windowed ABI: the function's own arguments and result are in other registers than
    // those of the calls it makes (REG_PARENT_*); unset, they are arg1..arg4 and ret.
    struct ParentRegs {
        NReg ret, arg1, arg2, arg3, arg4;
    };
    std::optional<ParentRegs> parent;
    // Xtensa windowed: nlr_push is followed by a setjmp on the buffer's third word.
    bool nlr_push_setjmp = false;
    // Xtensa has no bitwise-not: ~x is emitted as x ^ -1 through arg1.
    bool has_not_instruction = true;

    NReg parent_ret() const { return parent ? parent->ret : ret; }
    NReg parent_arg1() const { return parent ? parent->arg1 : arg1; }
    NReg parent_arg2() const { return parent ? parent->arg2 : arg2; }
    NReg parent_arg3() const { return parent ? parent->arg3 : arg3; }
    NReg parent_arg4() const { return parent ? parent->arg4 : arg4; }
    // -march=debug: the reference names the registers by enum constants, which its preprocessor
    // test `#if REG_ARG_1 != REG_RET` (making a closure) reads as 0 != 0, so no move is made.
    bool registers_are_enums = false;
};

// What a back end is made for: the architecture, whose mpy-cross it reproduces (1.28 clears
// registers and indexes memory differently on some targets), and -march-flags.
struct NativeConfig {
    NativeArch arch = NativeArch::X64;
    CompatVersion compat = kDefaultCompat;
    unsigned arch_flags = 0;
    // -march=debug: where the back end appends its text trace (mpy-cross prints it on stdout);
    // null: nowhere.  Not owned.
    std::string* trace = nullptr;
};

class NativeAsm {
public:
    virtual ~NativeAsm() = default;
    virtual const NativeTarget& target() const = 0;
    virtual AsmBase& base() = 0;
    const AsmBase& base() const { return const_cast<NativeAsm*>(this)->base(); }

    // ---- passes and labels (see compiler/asm/base/asm_base.h) ----
    void set_num_labels(std::size_t n) { base().set_num_labels(n); }
    void start_pass(bool emit) { base().start_pass(emit); }
    void end_pass() { base().end_pass(); }
    std::size_t code_pos() const { return base().code_pos(); }
    const std::vector<std::uint8_t>& bytes() const { return base().bytes(); }
    void label_assign(std::size_t label) {
        base().label_assign(label);
        label_placed(label);
    }
    // Called after every label_assign (the debug back end traces it); most back ends ignore it.
    virtual void label_placed(std::size_t) {}
    // The qualified name ("C.f") of the function about to be assembled (the debug back end's
    // ENTRY line names it); most back ends ignore it.
    virtual void set_function_name(const std::string&) {}
    void suppress_code() { base().suppress_code(); }
    void data(unsigned size, std::uint64_t value) { base().data(size, value); }
    void raw(std::span<const std::uint8_t> bytes) { base().raw(bytes); }

    // ---- frame ----
    virtual void entry(int num_locals) = 0;
    virtual void exit() = 0;
    virtual void mov_reg_local(NReg dest, int local) = 0;
    virtual void mov_local_reg(int local, NReg src) = 0;
    virtual void mov_reg_local_addr(NReg dest, int local) = 0;
    virtual void mov_reg_pcrel(NReg dest, std::size_t label) = 0;
    // dest = argument `arg` of the native function, where target().args_on_stack.
    virtual void mov_reg_arg(NReg, int) { throw std::logic_error("arguments arrive in registers"); }

    // ---- moves and memory ----
    virtual void mov_reg_reg(NReg dest, NReg src) = 0;
    virtual void mov_reg_imm(NReg dest, std::int64_t value) = 0;
    virtual void load(NWidth w, NReg dest, NReg base, std::int32_t index) = 0;
    virtual void store(NWidth w, NReg src, NReg base, std::int32_t index) = 0;
    // Loads/stores at base + index register (scaled by the width), where the architecture has
    // them (ASM_LOAD*_REG_REG_REG); otherwise the emitter adds the index itself.  May change
    // the index register.
    virtual bool has_indexed_access() const { return false; }
    // False where a constant-index load of width `w` has no offset form and the back end
    // computes the address in target().arg2 itself (-march=debug): the emitter frees arg2 first.
    virtual bool has_offset_load(NWidth) const { return true; }
    virtual void load_indexed(NWidth, NReg, NReg, NReg) { throw std::logic_error("no indexed load"); }
    virtual void store_indexed(NWidth, NReg, NReg, NReg) { throw std::logic_error("no indexed store"); }

    // ---- arithmetic (dest = dest op src) ----
    virtual void add(NReg dest, NReg src) = 0;
    virtual void sub(NReg dest, NReg src) = 0;
    virtual void mul(NReg dest, NReg src) = 0;
    virtual void and_(NReg dest, NReg src) = 0;
    virtual void or_(NReg dest, NReg src) = 0;
    virtual void xor_(NReg dest, NReg src) = 0;
    // reg = 0 the way 1.28's ASM_CLR_REG does it (1.27 used xor_ everywhere).
    virtual void clear_reg(NReg reg) { xor_(reg, reg); }
    virtual void not_(NReg reg) = 0;
    virtual void neg(NReg reg) = 0;
    // dest = dest shifted by count (count is target().shift_count_reg where there is one).
    virtual void shift(NShift kind, NReg dest, NReg count) = 0;
    // dest = (lhs op rhs) ? 1 : 0, signed or unsigned.
    virtual void compare_to_bool(NCompare op, bool is_unsigned, NReg lhs, NReg rhs, NReg dest) = 0;

    // ---- control flow ----
    virtual void jmp(std::size_t label) = 0;
    virtual void jump_if_zero(NReg reg, std::size_t label, bool bool_test) = 0;
    virtual void jump_if_nonzero(NReg reg, std::size_t label, bool bool_test) = 0;
    virtual void jump_if_equal(NReg reg1, NReg reg2, std::size_t label) = 0;
    virtual void jmp_reg(NReg reg) = 0;
    // Calls entry `fun` of the runtime's function table through `temp`.
    virtual void call_ind(std::size_t fun, NReg temp) = 0;
    void call_ind(std::size_t fun) { call_ind(fun, target().call_temp); }
};

// The back end for an -march name, or null if mpyc has none for it.
std::unique_ptr<NativeAsm> make_native_asm(const NativeConfig& config);

}  // namespace mpy
