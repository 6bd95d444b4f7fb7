// The x86-64 back end of the native emitter (-march=x64): register roles (System V), the nlr
// buffer as mpy-cross sizes it, and the generic operations over AsmX64 (those it shares with
// x86 are in native_arch_x86_family.h).
#include "compiler/asm/x86/asm_x64.h"
#include "compiler/native/native_arch.h"
#include "compiler/native/native_arch_x86_family.h"

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

class X64Backend final : public X86FamilyBackend<AsmX64> {
public:
    const NativeTarget& target() const override { return kX64Target; }

    void mov_reg_imm(NReg dest, std::int64_t value) override { as_.mov_reg_imm(r(dest), value); }
    void load(NWidth w, NReg dest, NReg base, std::int32_t index) override {
        as_.load_index(width(w), r(dest), r(base), index);
    }
    void store(NWidth w, NReg src, NReg base, std::int32_t index) override {
        as_.store_index(width(w), r(src), r(base), index);
    }
    using NativeAsm::call_ind;
    void call_ind(std::size_t fun, NReg temp) override { as_.call_ind(fun, r(temp)); }
};

}  // namespace

std::unique_ptr<NativeAsm> make_x64_backend(const NativeConfig&) { return std::make_unique<X64Backend>(); }

}  // namespace mpy
