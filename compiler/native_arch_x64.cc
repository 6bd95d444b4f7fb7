// The x86-64 back end of the native emitter (-march=x64): register roles (System V), the nlr
// buffer as mpy-cross sizes it, and the generic operations over AsmX64.
#include "compiler/asm_x64.h"
#include "compiler/native_arch.h"

namespace mpy {

namespace {

using namespace x64;

// nlr_buf as mpy-cross sizes it for x64: 2 + max(8 System V, 10 Windows) saved registers + 1
// spare word; rbx is its sixth word.  Shifts count in cl; byte stores need a low register.
constexpr NativeTarget kX64Target{
    .word_size = 8, .nlr_buf_words = 13, .nlr_idx_local1 = 5,
    .ret = RAX, .arg1 = RDI, .arg2 = RSI, .arg3 = RDX, .arg4 = RCX,
    .temp0 = RAX, .temp1 = RDI, .temp2 = RSI,
    .local1 = RBX, .local2 = R12, .local3 = R13,
    .fun_table = RBP, .call_temp = RAX, .setup_code_state_temp = RAX,
    .shift_count_reg = RCX, .store_value_in_fixed_reg = true,
};

Width width(NWidth w) {
    switch (w) {
        case NWidth::W8: return Width::W8;
        case NWidth::W16: return Width::W16;
        case NWidth::W32: return Width::W32;
        default: return Width::W64;
    }
}

Reg r(NReg reg) { return static_cast<Reg>(reg); }

class X64Backend final : public NativeAsm {
public:
    const NativeTarget& target() const override { return kX64Target; }
    AsmBase& base() override { return as_; }

    void entry(int num_locals) override { as_.entry(num_locals); }
    void exit() override { as_.exit(); }
    void mov_reg_local(NReg dest, int local) override { as_.mov_reg_local(r(dest), local); }
    void mov_local_reg(int local, NReg src) override { as_.mov_local_reg(local, r(src)); }
    void mov_reg_local_addr(NReg dest, int local) override { as_.mov_reg_local_addr(r(dest), local); }
    void mov_reg_pcrel(NReg dest, std::size_t label) override { as_.mov_reg_pcrel(r(dest), label); }

    void mov_reg_reg(NReg dest, NReg src) override { as_.mov_reg_reg(r(dest), r(src)); }
    void mov_reg_imm(NReg dest, std::int64_t value) override { as_.mov_reg_imm(r(dest), value); }
    void load(NWidth w, NReg dest, NReg base, std::int32_t index) override {
        as_.load_index(width(w), r(dest), r(base), index);
    }
    void store(NWidth w, NReg src, NReg base, std::int32_t index) override {
        as_.store_index(width(w), r(src), r(base), index);
    }

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
    using NativeAsm::call_ind;
    void call_ind(std::size_t fun, NReg temp) override { as_.call_ind(fun, r(temp)); }

private:
    AsmX64 as_;
};

}  // namespace

std::unique_ptr<NativeAsm> make_x64_backend(const NativeConfig&) { return std::make_unique<X64Backend>(); }

}  // namespace mpy
