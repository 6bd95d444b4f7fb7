// The ARM-mode back end of the native emitter (-march=armv6): register roles, calling convention
// and the generic operations over AsmArm, as MicroPython's emitnarm/asmarm define them.  1.27 and
// 1.28 write the same ARM code for the same operations (1.28's register clearing is the same
// `eor` 1.27 used).
#include "compiler/asm/arm/asm_arm.h"
#include "compiler/native/native_arch.h"

namespace mpy {

namespace {

using namespace arm;

// mpy-cross sizes nlr_buf for ARM as for Thumb with the FP registers: 2 + 16 registers + 1 spare
// word; r4 is its fourth word.  mp_setup_code_state takes four arguments, so r3 is taken when it
// is called: that call names r4 (the ARM call sequence needs no scratch register anyway).
constexpr NativeTarget kArmTarget{
    .word_size = 4, .nlr_buf_words = 2 + 16 + 1, .nlr_idx_local1 = 3,
    .ret = R0, .arg1 = R0, .arg2 = R1, .arg3 = R2, .arg4 = R3,
    .temp0 = R0, .temp1 = R1, .temp2 = R2,
    .local1 = R4, .local2 = R5, .local3 = R6,
    .fun_table = R7, .call_temp = R3, .setup_code_state_temp = R4,
};

Cond condition(NCompare op, bool is_unsigned) {
    static constexpr Cond kUnsigned[] = {CC, HI, EQ, LS, CS, NE};
    static constexpr Cond kSigned[] = {LT, GT, EQ, LE, GE, NE};
    const auto i = static_cast<std::size_t>(op);
    return is_unsigned ? kUnsigned[i] : kSigned[i];
}

// Byte offset of element `index` of width `w` (unsigned arithmetic, as the reference's `uint`).
std::uint32_t byte_offset(NWidth w, std::int32_t index) {
    const auto i = static_cast<std::uint32_t>(index);
    switch (w) {
        case NWidth::W8: return i;
        case NWidth::W16: return 2 * i;
        default: return 4 * i;
    }
}

class ArmBackend final : public NativeAsm {
public:
    const NativeTarget& target() const override { return kArmTarget; }
    AsmBase& base() override { return as_; }

    void entry(int num_locals) override { as_.entry(num_locals); }
    void exit() override { as_.exit(); }
    void mov_reg_local(NReg dest, int local) override { as_.mov_reg_local(dest, local); }
    void mov_local_reg(int local, NReg src) override { as_.mov_local_reg(local, src); }
    void mov_reg_local_addr(NReg dest, int local) override { as_.mov_reg_local_addr(dest, local); }
    void mov_reg_pcrel(NReg dest, std::size_t label) override { as_.mov_reg_pcrel(dest, label); }

    void mov_reg_reg(NReg dest, NReg src) override { as_.mov_reg_reg(dest, src); }
    void mov_reg_imm(NReg dest, std::int64_t value) override {
        as_.mov_reg_i32_optimised(dest, static_cast<std::int32_t>(value));
    }
    void load(NWidth w, NReg dest, NReg base, std::int32_t index) override {
        const std::uint32_t offset = byte_offset(w, index);
        switch (w) {
            case NWidth::W8: as_.ldrb_reg_reg_offset(dest, base, offset); break;
            case NWidth::W16: as_.ldrh_reg_reg_offset(dest, base, offset); break;
            default: as_.ldr_reg_reg_offset(dest, base, offset); break;
        }
    }
    void store(NWidth w, NReg src, NReg base, std::int32_t index) override {
        const std::uint32_t offset = byte_offset(w, index);
        switch (w) {
            case NWidth::W8: as_.strb_reg_reg_offset(src, base, offset); break;
            case NWidth::W16: as_.strh_reg_reg_offset(src, base, offset); break;
            default: as_.str_reg_reg_offset(src, base, offset); break;
        }
    }
    // The index register is left as it was (halfwords are scaled into r8).
    bool has_indexed_access() const override { return true; }
    void load_indexed(NWidth w, NReg dest, NReg base, NReg index) override {
        switch (w) {
            case NWidth::W8: as_.ldrb_reg_reg_reg(dest, base, index); break;
            case NWidth::W16: as_.ldrh_reg_reg_reg(dest, base, index); break;
            default: as_.ldr_reg_reg_reg(dest, base, index); break;
        }
    }
    void store_indexed(NWidth w, NReg src, NReg base, NReg index) override {
        switch (w) {
            case NWidth::W8: as_.strb_reg_reg_reg(src, base, index); break;
            case NWidth::W16: as_.strh_reg_reg_reg(src, base, index); break;
            default: as_.str_reg_reg_reg(src, base, index); break;
        }
    }

    void add(NReg dest, NReg src) override { as_.dp_reg(ADD, dest, dest, src); }
    void sub(NReg dest, NReg src) override { as_.dp_reg(SUB, dest, dest, src); }
    // ARMv5 and earlier forbid mul's rd == rm: the destination is the rs operand.
    void mul(NReg dest, NReg src) override { as_.mul(dest, src, dest); }
    void and_(NReg dest, NReg src) override { as_.dp_reg(AND, dest, dest, src); }
    void or_(NReg dest, NReg src) override { as_.dp_reg(ORR, dest, dest, src); }
    void xor_(NReg dest, NReg src) override { as_.dp_reg(EOR, dest, dest, src); }
    void not_(NReg reg) override { as_.mvn_reg_reg(reg, reg); }
    void neg(NReg reg) override { as_.rsb_reg_reg_imm(reg, reg, 0); }
    void shift(NShift kind, NReg dest, NReg count) override {
        as_.shift_reg_reg(kind == NShift::Left ? LSL : kind == NShift::RightLogical ? LSR : ASR, dest, count);
    }
    void compare_to_bool(NCompare op, bool is_unsigned, NReg lhs, NReg rhs, NReg dest) override {
        as_.cmp_reg_reg(lhs, rhs);
        as_.setcc(dest, condition(op, is_unsigned));
    }

    void jmp(std::size_t label) override { as_.b_label(label); }
    void jump_if_zero(NReg reg, std::size_t label, bool) override {
        as_.cmp_reg_i8(reg, 0);
        as_.bcc_label(EQ, label);
    }
    void jump_if_nonzero(NReg reg, std::size_t label, bool) override {
        as_.cmp_reg_i8(reg, 0);
        as_.bcc_label(NE, label);
    }
    void jump_if_equal(NReg reg1, NReg reg2, std::size_t label) override {
        as_.cmp_reg_reg(reg1, reg2);
        as_.bcc_label(EQ, label);
    }
    void jmp_reg(NReg reg) override { as_.bx_reg(reg); }
    using NativeAsm::call_ind;
    // `mov lr, pc; ldr pc, [r7, #4*fun]` needs no scratch register.
    void call_ind(std::size_t fun, NReg) override { as_.bl_ind(fun); }

private:
    AsmArm as_;
};

}  // namespace

std::unique_ptr<NativeAsm> make_arm_backend(const NativeConfig&) { return std::make_unique<ArmBackend>(); }

}  // namespace mpy
