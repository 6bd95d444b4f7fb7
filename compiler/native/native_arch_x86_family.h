// The part of the x86 and x86-64 back ends (native_arch_x86.cc, native_arch_x64.cc) that is the
// same for both: the generic operations map one to one onto AsmX86 / AsmX64 methods of the same
// names, and comparisons are `xor dest,dest; cmp; setcc`.  Each back end adds its register roles
// (target()), immediates, memory widths and calls.
#pragma once

#include <cstddef>

#include "compiler/asm/x86/asm_x86_common.h"
#include "compiler/native/native_asm.h"

namespace mpy {

template <class Asm>
class X86FamilyBackend : public NativeAsm {
public:
    AsmBase& base() override { return as_; }

    void entry(int num_locals) override { as_.entry(num_locals); }
    void exit() override { as_.exit(); }
    void mov_reg_local(NReg dest, int local) override { as_.mov_reg_local(r(dest), local); }
    void mov_local_reg(int local, NReg src) override { as_.mov_local_reg(local, r(src)); }
    void mov_reg_local_addr(NReg dest, int local) override { as_.mov_reg_local_addr(r(dest), local); }
    void mov_reg_pcrel(NReg dest, std::size_t label) override { as_.mov_reg_pcrel(r(dest), label); }
    void mov_reg_reg(NReg dest, NReg src) override { as_.mov_reg_reg(r(dest), r(src)); }

    void add(NReg dest, NReg src) override { as_.add(r(dest), r(src)); }
    void sub(NReg dest, NReg src) override { as_.sub(r(dest), r(src)); }
    void mul(NReg dest, NReg src) override { as_.mul(r(dest), r(src)); }
    void and_(NReg dest, NReg src) override { as_.and_(r(dest), r(src)); }
    void or_(NReg dest, NReg src) override { as_.or_(r(dest), r(src)); }
    void xor_(NReg dest, NReg src) override { as_.xor_(r(dest), r(src)); }
    void not_(NReg reg) override { as_.not_(r(reg)); }
    void neg(NReg reg) override { as_.neg(r(reg)); }
    // The count is always in cl (target().shift_count_reg).
    void shift(NShift kind, NReg dest, NReg) override {
        switch (kind) {
            case NShift::Left: as_.shl_cl(r(dest)); break;
            case NShift::RightLogical: as_.shr_cl(r(dest)); break;
            case NShift::RightArith: as_.sar_cl(r(dest)); break;
        }
    }
    void compare_to_bool(NCompare op, bool is_unsigned, NReg lhs, NReg rhs, NReg dest) override {
        using namespace x86_family;
        static constexpr Cond kUnsigned[] = {CC_B, CC_A, CC_E, CC_BE, CC_AE, CC_NE};
        static constexpr Cond kSigned[] = {CC_L, CC_G, CC_E, CC_LE, CC_GE, CC_NE};
        const auto i = static_cast<std::size_t>(op);
        as_.xor_(r(dest), r(dest));
        as_.cmp(r(lhs), r(rhs));
        as_.setcc(is_unsigned ? kUnsigned[i] : kSigned[i], r(dest));
    }

    void jmp(std::size_t label) override { as_.jmp(label); }
    void jump_if_zero(NReg reg, std::size_t label, bool bool_test) override {
        as_.jump_if_zero(r(reg), label, bool_test);
    }
    void jump_if_nonzero(NReg reg, std::size_t label, bool bool_test) override {
        as_.jump_if_nonzero(r(reg), label, bool_test);
    }
    void jump_if_equal(NReg reg1, NReg reg2, std::size_t label) override {
        as_.jump_if_equal(r(reg1), r(reg2), label);
    }
    void jmp_reg(NReg reg) override { as_.jmp_reg(r(reg)); }

protected:
    static typename Asm::Reg r(NReg reg) { return static_cast<typename Asm::Reg>(reg); }

    Asm as_;
};

}  // namespace mpy
