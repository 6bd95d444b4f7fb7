// The ARM Thumb back end of the native emitter (-march=armv6m, armv7m, armv7em, armv7emsp,
// armv7emdp): register roles, calling convention and the generic operations over AsmThumb, as
// MicroPython 1.27's emitnthumb/asmthumb define them.  The armv7em* variants differ from armv7m
// only in the header's architecture (and the inline assembler's float instructions).
#include "compiler/asm/thumb/asm_thumb.h"
#include "compiler/native/native_arch.h"

namespace mpy {

namespace {

using namespace thumb;

// mpy-cross sizes nlr_buf for Thumb with the FP registers (so the code also runs on armv7emdp):
// 2 + 16 registers + 1 spare word; r4 is its fourth word.  mp_setup_code_state takes four
// arguments, so r3 is taken when it is called: that call goes through r4.
constexpr NativeTarget kThumbTarget{
    .word_size = 4, .nlr_buf_words = 2 + 16 + 1, .nlr_idx_local1 = 3,
    .ret = R0, .arg1 = R0, .arg2 = R1, .arg3 = R2, .arg4 = R3,
    .temp0 = R0, .temp1 = R1, .temp2 = R2,
    .local1 = R4, .local2 = R5, .local3 = R6,
    .fun_table = R7, .call_temp = R3, .setup_code_state_temp = R4,
};

unsigned size_log2(NWidth w) {
    switch (w) {
        case NWidth::W8: return 0;
        case NWidth::W16: return 1;
        default: return 2;
    }
}

Cond condition(NCompare op, bool is_unsigned) {
    static constexpr Cond kUnsigned[] = {CC, HI, EQ, LS, CS, NE};
    static constexpr Cond kSigned[] = {LT, GT, EQ, LE, GE, NE};
    const auto i = static_cast<std::size_t>(op);
    return is_unsigned ? kUnsigned[i] : kSigned[i];
}

class ThumbBackend final : public NativeAsm {
public:
    explicit ThumbBackend(const NativeConfig& config)
        : as_(config.arch != NativeArch::ArmV6M), compat_(config.compat) {}
    const NativeTarget& target() const override { return kThumbTarget; }
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
        as_.load_reg_reg_offset(dest, base, static_cast<std::uint32_t>(index), size_log2(w));
    }
    void store(NWidth w, NReg src, NReg base, std::int32_t index) override {
        as_.store_reg_reg_offset(src, base, static_cast<std::uint32_t>(index), size_log2(w));
    }
    bool has_indexed_access() const override { return true; }
    // 1.27 scales the index register in place; 1.28 scales a copy in REG_TEMP2 for loads, and
    // saves the index around the store (push/pop), so the index survives.
    void load_indexed(NWidth w, NReg dest, NReg base, NReg index) override {
        if (w == NWidth::W8) {
            as_.ldrb_rlo_rlo_rlo(dest, base, index);
            return;
        }
        const NReg scaled = compat_ == CompatVersion::V1_27 ? index : kThumbTarget.temp2;
        as_.lsl_rlo_rlo_i5(scaled, index, size_log2(w));
        if (w == NWidth::W16) {
            as_.ldrh_rlo_rlo_rlo(dest, base, scaled);
        } else {
            as_.ldr_rlo_rlo_rlo(dest, base, scaled);
        }
    }
    void store_indexed(NWidth w, NReg src, NReg base, NReg index) override {
        if (w == NWidth::W8) {
            as_.strb_rlo_rlo_rlo(src, base, index);
            return;
        }
        const bool keep_index = compat_ != CompatVersion::V1_27;
        if (keep_index) as_.push_rlist(1u << index);
        as_.lsl_rlo_rlo_i5(index, index, size_log2(w));
        if (w == NWidth::W16) {
            as_.strh_rlo_rlo_rlo(src, base, index);
        } else {
            as_.str_rlo_rlo_rlo(src, base, index);
        }
        if (keep_index) as_.pop_rlist(1u << index);
    }

    void add(NReg dest, NReg src) override { as_.add_rlo_rlo_rlo(dest, dest, src); }
    void sub(NReg dest, NReg src) override { as_.sub_rlo_rlo_rlo(dest, dest, src); }
    void mul(NReg dest, NReg src) override { as_.alu(MUL, dest, src); }
    void and_(NReg dest, NReg src) override { as_.alu(AND, dest, src); }
    void or_(NReg dest, NReg src) override { as_.alu(ORR, dest, src); }
    void xor_(NReg dest, NReg src) override { as_.alu(EOR, dest, src); }
    void clear_reg(NReg reg) override { as_.mov_rlo_i8(reg, 0); }
    void not_(NReg reg) override { as_.alu(MVN, reg, reg); }
    void neg(NReg reg) override { as_.alu(NEG, reg, reg); }
    void shift(NShift kind, NReg dest, NReg count) override {
        as_.alu(kind == NShift::Left ? LSL : kind == NShift::RightLogical ? LSR : ASR, dest, count);
    }
    void compare_to_bool(NCompare op, bool is_unsigned, NReg lhs, NReg rhs, NReg dest) override {
        const Cond cc = condition(op, is_unsigned);
        as_.alu(CMP, lhs, rhs);
        if (as_.armv7m()) {
            // ite <cc>; mov dest, #1; mov dest, #0
            as_.it(cc, (cc & 1) ? 0x4 : 0xc);
            as_.mov_rlo_i8(dest, 1);
            as_.mov_rlo_i8(dest, 0);
        } else {
            as_.bcc_rel9(cc, 6);
            as_.mov_rlo_i8(dest, 0);
            as_.b_rel12(4);
            as_.mov_rlo_i8(dest, 1);
        }
    }

    void jmp(std::size_t label) override { as_.b_label(label); }
    void jump_if_zero(NReg reg, std::size_t label, bool) override {
        as_.cmp_rlo_i8(reg, 0);
        as_.bcc_label(EQ, label);
    }
    void jump_if_nonzero(NReg reg, std::size_t label, bool) override {
        as_.cmp_rlo_i8(reg, 0);
        as_.bcc_label(NE, label);
    }
    void jump_if_equal(NReg reg1, NReg reg2, std::size_t label) override {
        as_.alu(CMP, reg1, reg2);
        as_.bcc_label(EQ, label);
    }
    void jmp_reg(NReg reg) override { as_.bx_reg(reg); }
    using NativeAsm::call_ind;
    void call_ind(std::size_t fun, NReg temp) override { as_.bl_ind(fun, temp); }

private:
    AsmThumb as_;
    CompatVersion compat_;
};

}  // namespace

std::unique_ptr<NativeAsm> make_thumb_backend(const NativeConfig& config) { return std::make_unique<ThumbBackend>(config); }

}  // namespace mpy
