// The RISC-V RV32IMC back end of the native emitter (-march=rv32imc): register roles, the nlr
// buffer as mpy-cross sizes it, and the generic operations over AsmRv32, as MicroPython 1.27's
// and 1.28's emitnrv32/asmrv32 define them.
//
// The releases differ in two registers (1.28 moved REG_LOCAL_2/3 from s4/s5 to s2/s4), in how
// an indexed viper access computes its address (see Rv32Options), and in the Zcmp extension
// (1.28's -march-flags only).
#include "compiler/asm/rv32/asm_rv32.h"
#include "compiler/native/native_arch.h"

namespace mpy {

namespace {

using namespace rv32;

// nlr_buf for RV32: 2 + 14 saved registers (ra, sp, s0-s11) + 1 spare word; s3 (REG_LOCAL_1) is
// its seventh word.  x0 always reads zero: NULLs are stored straight from it.
constexpr NativeTarget rv32_target(NReg local2, NReg local3) {
    return NativeTarget{
        .word_size = 4, .nlr_buf_words = 2 + 14 + 1, .nlr_idx_local1 = 6,
        .ret = A0, .arg1 = A0, .arg2 = A1, .arg3 = A2, .arg4 = A3,
        .temp0 = T1, .temp1 = T2, .temp2 = T3,
        .local1 = S3, .local2 = local2, .local3 = local3,
        .fun_table = S1, .call_temp = T3, .setup_code_state_temp = T3,
        .zero_reg = ZERO,
    };
}

constexpr NativeTarget kRv32Target127 = rv32_target(S4, S5);
constexpr NativeTarget kRv32Target128 = rv32_target(S2, S4);

unsigned size_log2(NWidth w) {
    switch (w) {
        case NWidth::W8: return 0;
        case NWidth::W16: return 1;
        default: return 2;
    }
}

Rv32Options options_for(const NativeConfig& config, const NativeTarget& target) {
    Rv32Options options;
    options.extensions = config.arch_flags;
    options.frame_registers =
        (1u << target.fun_table) | (1u << target.local1) | (1u << target.local2) | (1u << target.local3);
    options.index_into_temp = config.compat != CompatVersion::V1_27;
    return options;
}

class Rv32Backend final : public NativeAsm {
public:
    explicit Rv32Backend(const NativeConfig& config)
        : target_(config.compat == CompatVersion::V1_27 ? kRv32Target127 : kRv32Target128),
          as_(options_for(config, target_)) {}
    const NativeTarget& target() const override { return target_; }
    AsmBase& base() override { return as_; }

    void entry(int num_locals) override { as_.entry(num_locals); }
    void exit() override { as_.exit(); }
    void mov_reg_local(NReg dest, int local) override { as_.mov_reg_local(dest, local); }
    void mov_local_reg(int local, NReg src) override { as_.mov_local_reg(local, src); }
    void mov_reg_local_addr(NReg dest, int local) override { as_.mov_reg_local_addr(dest, local); }
    void mov_reg_pcrel(NReg dest, std::size_t label) override { as_.mov_reg_pcrel(dest, label); }

    void mov_reg_reg(NReg dest, NReg src) override { as_.c_mv(dest, src); }
    void mov_reg_imm(NReg dest, std::int64_t value) override { as_.load_immediate(dest, value); }
    void load(NWidth w, NReg dest, NReg base, std::int32_t index) override {
        as_.load(dest, base, index, size_log2(w));
    }
    void store(NWidth w, NReg src, NReg base, std::int32_t index) override {
        as_.store(src, base, index, size_log2(w));
    }
    bool has_indexed_access() const override { return true; }
    void load_indexed(NWidth w, NReg dest, NReg base, NReg index) override {
        as_.load_indexed(dest, base, index, size_log2(w));
    }
    void store_indexed(NWidth w, NReg src, NReg base, NReg index) override {
        as_.store_indexed(src, base, index, size_log2(w));
    }

    // funct3/funct7 of the register-register operations.
    void add(NReg dest, NReg src) override { as_.c_add(dest, src); }
    void sub(NReg dest, NReg src) override { as_.alu(0, 0x20, dest, dest, src); }
    void mul(NReg dest, NReg src) override { as_.alu(0, 0x01, dest, dest, src); }
    // The reference writes `and rd, rs, rd` (operands swapped; same result, other bytes).
    void and_(NReg dest, NReg src) override { as_.alu(7, 0, dest, src, dest); }
    void or_(NReg dest, NReg src) override { as_.alu(6, 0, dest, dest, src); }
    void xor_(NReg dest, NReg src) override { as_.xor_optimised(dest, src); }
    void clear_reg(NReg reg) override { as_.xor_optimised(reg, reg); }
    void not_(NReg reg) override { as_.xori(reg, reg, -1); }
    void neg(NReg reg) override { as_.alu(0, 0x20, reg, ZERO, reg); }
    void shift(NShift kind, NReg dest, NReg count) override {
        switch (kind) {
            case NShift::Left: as_.alu(1, 0, dest, dest, count); break;            // sll
            case NShift::RightLogical: as_.alu(5, 0, dest, dest, count); break;    // srl
            case NShift::RightArith: as_.alu(5, 0x20, dest, dest, count); break;   // sra
        }
    }
    // Each comparison as slt[u] (operands swapped for > and <=), `^ 1` for the non-strict ones,
    // and a difference tested against zero for == and !=.
    void compare_to_bool(NCompare op, bool is_unsigned, NReg lhs, NReg rhs, NReg dest) override {
        switch (op) {
            case NCompare::Less: as_.set_less_than(dest, lhs, rhs, is_unsigned); break;
            case NCompare::More: as_.set_less_than(dest, rhs, lhs, is_unsigned); break;
            case NCompare::LessEqual:
                as_.set_less_than(dest, rhs, lhs, is_unsigned);
                as_.xori(dest, dest, 1);
                break;
            case NCompare::MoreEqual:
                as_.set_less_than(dest, lhs, rhs, is_unsigned);
                as_.xori(dest, dest, 1);
                break;
            case NCompare::Equal:
                as_.alu(0, 0x20, dest, lhs, rhs);  // sub
                as_.sltiu(dest, dest, 1);
                break;
            case NCompare::NotEqual:
                as_.alu(0, 0x20, dest, rhs, lhs);  // sub (the reference subtracts this way round)
                as_.set_less_than(dest, ZERO, dest, true);
                break;
        }
    }

    void jmp(std::size_t label) override { as_.jump(label); }
    void jump_if_zero(NReg reg, std::size_t label, bool) override { as_.jump_if_equal(reg, ZERO, label); }
    void jump_if_nonzero(NReg reg, std::size_t label, bool) override { as_.jump_if_nonzero(reg, label); }
    void jump_if_equal(NReg reg1, NReg reg2, std::size_t label) override { as_.jump_if_equal(reg1, reg2, label); }
    void jmp_reg(NReg reg) override { as_.jump_reg(reg); }
    using NativeAsm::call_ind;
    // The assembler picks its own scratch register (s0 or t3).
    void call_ind(std::size_t fun, NReg) override { as_.call_ind(fun); }

private:
    const NativeTarget& target_;
    AsmRv32 as_;
};

}  // namespace

std::unique_ptr<NativeAsm> make_rv32_backend(const NativeConfig& config) {
    return std::make_unique<Rv32Backend>(config);
}

}  // namespace mpy
