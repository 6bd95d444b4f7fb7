// The Xtensa back ends of the native emitter: -march=xtensa (ESP8266, call0 ABI) and
// -march=xtensawin (ESP32, windowed ABI), the register roles and nlr buffer mpy-cross uses for
// each, and the generic operations over AsmXtensa.
//
// The windowed ABI passes a function's own arguments in a2..a5 and takes its result in a2 (the
// "parent" registers), while the functions it calls by callx8 see a10..a13 as theirs: the
// emitter moves between the two sets.  Its nlr_push is followed by a setjmp.
#include "compiler/asm/xtensa/asm_xtensa.h"
#include "compiler/native/native_arch.h"

namespace mpy {

namespace {

using namespace xtensa;

// nlr_buf: 2 + 10 saved registers + 1 spare word; a12 (REG_LOCAL_1) is its ninth word.
constexpr NativeTarget kXtensaTarget{
    .word_size = 4, .nlr_buf_words = 2 + 10 + 1, .nlr_idx_local1 = 8,
    .ret = A2, .arg1 = A2, .arg2 = A3, .arg3 = A4, .arg4 = A5,
    .temp0 = A2, .temp1 = A3, .temp2 = A4,
    .local1 = A12, .local2 = A13, .local3 = A14,
    .fun_table = A15, .call_temp = A0, .setup_code_state_temp = A0,
    .has_not_instruction = false,
};

// nlr_buf: 2 + 17 saved registers + 1 spare word; a4 (REG_LOCAL_1) is its seventh word.
constexpr NativeTarget kXtensaWinTarget{
    .word_size = 4, .nlr_buf_words = 2 + 17 + 1, .nlr_idx_local1 = 6,
    .ret = A10, .arg1 = A10, .arg2 = A11, .arg3 = A12, .arg4 = A13,
    .temp0 = A10, .temp1 = A11, .temp2 = A12,
    .local1 = A4, .local2 = A5, .local3 = A6,
    .fun_table = A7, .call_temp = A8, .setup_code_state_temp = A8,
    .parent = NativeTarget::ParentRegs{A2, A2, A3, A4, A5},
    .nlr_push_setjmp = true,
    .has_not_instruction = false,
};

unsigned size_log2(NWidth w) {
    switch (w) {
        case NWidth::W8: return 0;
        case NWidth::W16: return 1;
        default: return 2;
    }
}

XtensaOptions options_for(const NativeConfig& config) {
    XtensaOptions options;
    options.windowed = config.arch == NativeArch::XtensaWin;
    options.always_jump_over_pool = config.compat == CompatVersion::V1_27;
    return options;
}

class XtensaBackend final : public NativeAsm {
public:
    explicit XtensaBackend(const NativeConfig& config)
        : target_(config.arch == NativeArch::XtensaWin ? kXtensaWinTarget : kXtensaTarget),
          as_(options_for(config)) {}
    const NativeTarget& target() const override { return target_; }
    AsmBase& base() override { return as_; }

    void entry(int num_locals) override { as_.entry(num_locals); }
    void exit() override { as_.exit(); }
    void mov_reg_local(NReg dest, int local) override { as_.mov_reg_local(dest, local); }
    void mov_local_reg(int local, NReg src) override { as_.mov_local_reg(local, src); }
    void mov_reg_local_addr(NReg dest, int local) override { as_.mov_reg_local_addr(dest, local); }
    void mov_reg_pcrel(NReg dest, std::size_t label) override { as_.mov_reg_pcrel(dest, label); }

    void mov_reg_reg(NReg dest, NReg src) override { as_.mov_n(dest, src); }
    // The reference passes the value as a 32-bit machine word.
    void mov_reg_imm(NReg dest, std::int64_t value) override {
        as_.mov_reg_i32_optimised(dest, static_cast<std::uint32_t>(value));
    }
    void load(NWidth w, NReg dest, NReg base, std::int32_t index) override {
        as_.load(dest, base, static_cast<std::uint32_t>(index), size_log2(w));
    }
    void store(NWidth w, NReg src, NReg base, std::int32_t index) override {
        as_.store(src, base, static_cast<std::uint32_t>(index), size_log2(w));
    }
    bool has_indexed_access() const override { return true; }
    void load_indexed(NWidth w, NReg dest, NReg base, NReg index) override {
        as_.load_indexed(dest, base, index, size_log2(w));
    }
    void store_indexed(NWidth w, NReg src, NReg base, NReg index) override {
        as_.store_indexed(src, base, index, size_log2(w));
    }

    void add(NReg dest, NReg src) override { as_.add_n(dest, dest, src); }
    void sub(NReg dest, NReg src) override { as_.sub(dest, dest, src); }
    void mul(NReg dest, NReg src) override { as_.mull(dest, dest, src); }
    void and_(NReg dest, NReg src) override { as_.and_(dest, dest, src); }
    void or_(NReg dest, NReg src) override { as_.or_(dest, dest, src); }
    void xor_(NReg dest, NReg src) override { as_.xor_(dest, dest, src); }
    void clear_reg(NReg reg) override { as_.movi_n(reg, 0); }
    // Xtensa has no `not`: target().has_not_instruction is false, so the emitter xors with -1.
    void not_(NReg) override { throw std::logic_error("AsmXtensa: no not instruction"); }
    void neg(NReg reg) override { as_.neg(reg, reg); }
    // The shift amount goes to SAR first.
    void shift(NShift kind, NReg dest, NReg count) override {
        switch (kind) {
            case NShift::Left:
                as_.ssl(count);
                as_.sll(dest, dest);
                break;
            case NShift::RightLogical:
                as_.ssr(count);
                as_.srl(dest, dest);
                break;
            case NShift::RightArith:
                as_.ssr(count);
                as_.sra(dest, dest);
                break;
        }
    }
    // Branch conditions: > and <= swap the operands of < and >=.
    void compare_to_bool(NCompare op, bool is_unsigned, NReg lhs, NReg rhs, NReg dest) override {
        const unsigned lt = is_unsigned ? CC_LTU : CC_LT;
        const unsigned ge = is_unsigned ? CC_GEU : CC_GE;
        switch (op) {
            case NCompare::Less: as_.set_cond(lt, dest, lhs, rhs); break;
            case NCompare::More: as_.set_cond(lt, dest, rhs, lhs); break;
            case NCompare::Equal: as_.set_cond(CC_EQ, dest, lhs, rhs); break;
            case NCompare::LessEqual: as_.set_cond(ge, dest, rhs, lhs); break;
            case NCompare::MoreEqual: as_.set_cond(ge, dest, lhs, rhs); break;
            case NCompare::NotEqual: as_.set_cond(CC_NE, dest, lhs, rhs); break;
        }
    }

    void jmp(std::size_t label) override { as_.jump(label); }
    void jump_if_zero(NReg reg, std::size_t label, bool) override { as_.branch_zero(CCZ_EQ, reg, label); }
    void jump_if_nonzero(NReg reg, std::size_t label, bool) override { as_.branch_zero(CCZ_NE, reg, label); }
    void jump_if_equal(NReg reg1, NReg reg2, std::size_t label) override { as_.branch(CC_EQ, reg1, reg2, label); }
    void jmp_reg(NReg reg) override { as_.jx(reg); }
    using NativeAsm::call_ind;
    // The call goes through a0 (call0) or a8 (windowed) whatever the emitter asks for.
    void call_ind(std::size_t fun, NReg) override { as_.call_ind(fun); }

private:
    const NativeTarget& target_;
    AsmXtensa as_;
};

}  // namespace

std::unique_ptr<NativeAsm> make_xtensa_backend(const NativeConfig& config) {
    return std::make_unique<XtensaBackend>(config);
}

}  // namespace mpy
