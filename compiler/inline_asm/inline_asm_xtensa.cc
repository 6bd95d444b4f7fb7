// @micropython.asm_xtensa: the Xtensa instruction set of mpy-cross's inline assembler (1.27.0 and
// 1.28.0), its operand rules and its error messages.  The functions follow the call0 ABI on
// -march=xtensa and (1.28 only) the windowed ABI on -march=xtensawin.
//
// Where a bad instruction has several bad operands the reference reports the LAST one it looked
// at, and the releases look in a different order for the load/store/addi forms: 1.27 takes the
// operands left to right, 1.28 takes the immediate first, then the registers by instruction field
// (so the base register before the data register).
#include <array>
#include <string_view>

#include "compiler/asm/xtensa/asm_xtensa.h"
#include "compiler/bytecode/compile_error.h"
#include "compiler/inline_asm/inline_asm.h"

namespace mpy {

namespace {

using namespace xtensa;

// Three-register RRR instructions: op1, op2 (r = arg 0, s = arg 1, t = arg 2).
struct NamedRrr {
    std::string_view name;
    unsigned op1, op2;
};
constexpr std::array<NamedRrr, 13> kRrr = {{
    {"and_", 0, 1}, {"or_", 0, 2}, {"xor", 0, 3}, {"add", 0, 8}, {"sub", 0, 12}, {"mull", 2, 8},
    {"addx2", 0, 9}, {"addx4", 0, 10}, {"addx8", 0, 11}, {"subx2", 0, 13}, {"subx4", 0, 14},
    {"subx8", 0, 15}, {"src", 1, 8},
}};

// RRI8 loads, stores and addi: the r field, and log2 of the offset's unit (-1: signed byte, addi).
struct NamedRri8 {
    std::string_view name;
    unsigned r;
    int shift;
};
constexpr std::array<NamedRri8, 8> kRri8 = {{
    {"l8ui", 0, 0}, {"l16ui", 1, 1}, {"l32i", 2, 2}, {"s8i", 4, 0}, {"s16i", 5, 1}, {"s32i", 6, 2},
    {"l16si", 9, 1}, {"addi", 12, -1},
}};

// Two-register branches by condition.
struct NamedBranch {
    std::string_view name;
    unsigned cond;
};
constexpr std::array<NamedBranch, 12> kBranches = {{
    {"ball", CC_ALL}, {"bany", CC_ANY}, {"bbc", CC_BC}, {"bbs", CC_BS}, {"beq", CC_EQ}, {"bge", CC_GE},
    {"bgeu", CC_GEU}, {"blt", CC_LT}, {"bltu", CC_LTU}, {"bnall", CC_NALL}, {"bne", CC_NE}, {"bnone", CC_NONE},
}};

// Branches against zero; the condition is the index modulo 4 (the .n forms are the wide ones).
constexpr std::array<std::string_view, 6> kBranchZero = {"beqz", "bnez", "bltz", "bgez", "beqz_n", "bnez_n"};

// Two-register instructions: the RRR fields, with the operands in r/s/t as `r_arg`/`s_arg`/`t_arg`
// say (-1: the fixed value in `r`/`s`/`t`).  mov/mov_n are the narrow mov.n.
struct NamedTwoReg {
    std::string_view name;
    unsigned op1, op2, r, s, t;
    int r_arg, s_arg, t_arg;
};
constexpr std::array<NamedTwoReg, 7> kTwoReg = {{
    {"abs_", 0, 6, 0, 1, 0, 0, -1, 1},
    {"neg", 0, 6, 0, 0, 0, 0, -1, 1},
    {"sll", 1, 10, 0, 0, 0, 0, 1, -1},
    {"sra", 1, 11, 0, 0, 0, 0, -1, 1},
    {"srl", 1, 9, 0, 0, 0, 0, -1, 1},
    {"nsa", 0, 4, 14, 0, 0, -1, 1, 0},
    {"nsau", 0, 4, 15, 0, 0, -1, 1, 0},
}};

// a2, a3, a4, a5 in that order.
bool is_xtensa_param_register(const std::string& name, std::size_t position) {
    return name.size() == 2 && name[0] == 'a' && name[1] == static_cast<char>('2' + position);
}

class XtensaDialect final : public EntryExitDialect<AsmXtensa> {
public:
    XtensaDialect(bool windowed, bool operands_by_field)
        : EntryExitDialect("Xtensa",
                           {4, "can only have up to 4 parameters to Xtensa assembly",
                            "parameters must be registers in sequence a2 to a5", is_xtensa_param_register},
                           XtensaOptions{windowed, false}),
          operands_by_field_(operands_by_field) {}

    // The literal pool's size comes from the previous pass: the reference measures twice.
    int size_passes() const override { return 2; }

private:
    // Operand parsers: on a bad operand they record the error and return 0 (the instruction is
    // still assembled, so later operands can replace the message, as in the reference).
    unsigned reg(InlineAsmContext& ctx, const std::string& op, AsmArg arg);
    // An integer in min..max (no range check when min == max), as a 32-bit word.
    std::uint32_t imm(InlineAsmContext& ctx, const std::string& op, AsmArg arg, int min, int max);
    bool op0(InlineAsmContext& ctx, const std::string& op) override;
    bool op1(InlineAsmContext& ctx, const std::string& op, AsmArg a) override;
    bool op2(InlineAsmContext& ctx, const std::string& op, AsmArg a, AsmArg b) override;
    bool op3(InlineAsmContext& ctx, const std::string& op, AsmArg a, AsmArg b, AsmArg c) override;
    void rri8(InlineAsmContext& ctx, const std::string& op, const NamedRri8& entry, AsmArg a, AsmArg b, AsmArg c);
    // Branch instructions that check their range in the emit pass (bbci/bbsi, call0, l32r).
    void bit_branch(InlineAsmContext& ctx, unsigned reg, unsigned bit, std::size_t label, unsigned cond);
    void call0_label(InlineAsmContext& ctx, std::size_t label);
    void l32r_label(InlineAsmContext& ctx, unsigned reg, std::size_t label);
    void long_branch_check(InlineAsmContext& ctx, const char* what, std::size_t label);

    bool operands_by_field_;
};

unsigned XtensaDialect::reg(InlineAsmContext& ctx, const std::string& op, AsmArg arg) {
    const std::string name = asm_arg_name(arg);
    if (name.size() >= 2 && name.size() <= 3 && name[0] == 'a') {
        const std::string digits = name.substr(1);
        const bool numeric = digits.find_first_not_of("0123456789") == std::string::npos;
        // a0..a15 exactly as spelled (no leading zeros).
        if (numeric && (digits.size() == 1 || digits[0] != '0')) {
            const int n = std::stoi(digits);
            if (n <= 15) return static_cast<unsigned>(n);
        }
    }
    ctx.error("'" + op + "' expects a register");
    return 0;
}

std::uint32_t XtensaDialect::imm(InlineAsmContext& ctx, const std::string& op, AsmArg arg, int min, int max) {
    const std::optional<std::uint32_t> v = ctx.int_operand(op, arg);
    if (!v) return 0;
    const std::uint32_t i = *v;
    const auto s = static_cast<std::int32_t>(i);
    if (min != max && (s < min || s > max)) {
        ctx.error("'" + op + "' integer " + std::to_string(s) + " isn't within range " + std::to_string(min) + ".." +
                  std::to_string(max));
        return 0;
    }
    return i;
}

bool XtensaDialect::op0(InlineAsmContext& /*ctx*/, const std::string& op) {
    if (op == "ret" || op == "ret_n") {
        as_.op16(encode_rrrn(13, 15, 0, 0));
    } else if (op == "nop") {
        as_.op24(encode_rrr(0, 0, 0, 2, 0, 15));
    } else if (op == "nop_n") {
        as_.op16(encode_rrrn(13, 15, 0, 3));
    } else {
        return false;
    }
    return true;
}

bool XtensaDialect::op1(InlineAsmContext& ctx, const std::string& op, AsmArg a) {
    if (op == "callx0") {
        as_.op24(encode_callx(0, 0, 0, 0, reg(ctx, op, a), 3, 0));
    } else if (op == "jx") {
        as_.jx(reg(ctx, op, a));
    } else if (op == "ssl") {
        as_.ssl(reg(ctx, op, a));
    } else if (op == "ssr") {
        as_.ssr(reg(ctx, op, a));
    } else if (op == "ssa8b") {
        as_.op24(encode_rrr(0, 0, 4, 3, reg(ctx, op, a), 0));
    } else if (op == "ssa8l") {
        as_.op24(encode_rrr(0, 0, 4, 2, reg(ctx, op, a), 0));
    } else if (op == "j") {
        as_.jump(ctx.label_operand(op, a));
    } else if (op == "ssai") {
        const std::uint32_t sa = imm(ctx, op, a, 0, 31);
        as_.op24(encode_rrr(0, 0, 4, 4, sa & 0xf, (sa >> 4) & 1));
    } else if (op == "call0") {
        call0_label(ctx, ctx.label_operand(op, a));
    } else {
        return false;
    }
    return true;
}

bool XtensaDialect::op2(InlineAsmContext& ctx, const std::string& op, AsmArg a, AsmArg b) {
    if (operands_by_field_) {
        // 1.28 looks the two-register instructions up (and checks their operands) before the rest.
        if (op == "mov" || op == "mov_n") {
            const unsigned s = reg(ctx, op, b);
            const unsigned t = reg(ctx, op, a);
            as_.mov_n(t, s);
            return true;
        }
        for (const NamedTwoReg& e : kTwoReg) {
            if (e.name != op) continue;
            // Fields in r, s, t order.
            const unsigned r = e.r_arg < 0 ? e.r : reg(ctx, op, e.r_arg == 0 ? a : b);
            const unsigned s = e.s_arg < 0 ? e.s : reg(ctx, op, e.s_arg == 0 ? a : b);
            const unsigned t = e.t_arg < 0 ? e.t : reg(ctx, op, e.t_arg == 0 ? a : b);
            as_.op24(encode_rrr(0, e.op1, e.op2, r, s, t));
            return true;
        }
    }
    const unsigned r0 = reg(ctx, op, a);
    for (std::size_t i = 0; i < kBranchZero.size(); ++i) {
        if (kBranchZero[i] != op) continue;
        const std::size_t l = ctx.label_operand(op, b);
        long_branch_check(ctx, "bccz", l);
        as_.branch_zero(static_cast<unsigned>(i & 3), r0, l);
        return true;
    }
    if (op == "movi") {
        // Any 32-bit value: from the literal pool.
        as_.mov_reg_i32(r0, imm(ctx, op, b, 0, 0));
    } else if (op == "l32r") {
        l32r_label(ctx, r0, ctx.label_operand(op, b));
    } else if (op == "movi_n") {
        as_.movi_n(r0, static_cast<std::int32_t>(imm(ctx, op, b, -32, 95)));
    } else if (!operands_by_field_ && (op == "mov" || op == "mov_n")) {
        as_.mov_n(r0, reg(ctx, op, b));
    } else if (!operands_by_field_) {
        for (const NamedTwoReg& e : kTwoReg) {
            if (e.name != op) continue;
            const unsigned r1 = reg(ctx, op, b);
            const auto pick = [&](int arg, unsigned fixed) { return arg < 0 ? fixed : (arg == 0 ? r0 : r1); };
            as_.op24(encode_rrr(0, e.op1, e.op2, pick(e.r_arg, e.r), pick(e.s_arg, e.s), pick(e.t_arg, e.t)));
            return true;
        }
        return false;
    } else {
        return false;
    }
    return true;
}

void XtensaDialect::rri8(InlineAsmContext& ctx, const std::string& op, const NamedRri8& e, AsmArg a, AsmArg b,
                         AsmArg c) {
    const int shift = e.shift < 0 ? 0 : e.shift;
    const int min = e.shift < 0 ? -128 : 0;
    const int max = e.shift < 0 ? 127 : 0xff << e.shift;
    unsigned t = 0, s = 0;
    std::uint32_t offset = 0;
    if (operands_by_field_) {
        offset = imm(ctx, op, c, min, max);
        s = reg(ctx, op, b);
        t = reg(ctx, op, a);
    } else {
        t = reg(ctx, op, a);
        s = reg(ctx, op, b);
        offset = imm(ctx, op, c, min, max);
    }
    as_.op24(encode_rri8(2, e.r, s, t, (offset >> shift) & 0xff));
}

bool XtensaDialect::op3(InlineAsmContext& ctx, const std::string& op, AsmArg a, AsmArg b, AsmArg c) {
    for (const NamedRrr& e : kRrr) {
        if (e.name != op) continue;
        const unsigned r = reg(ctx, op, a);
        const unsigned s = reg(ctx, op, b);
        const unsigned t = reg(ctx, op, c);
        as_.op24(encode_rrr(0, e.op1, e.op2, r, s, t));
        return true;
    }
    for (const NamedRri8& e : kRri8) {
        if (e.name != op) continue;
        rri8(ctx, op, e, a, b, c);
        return true;
    }
    if (op == "add_n") {
        const unsigned r = reg(ctx, op, a);
        const unsigned s = reg(ctx, op, b);
        const unsigned t = reg(ctx, op, c);
        as_.add_n(r, s, t);
        return true;
    }
    for (const NamedBranch& e : kBranches) {
        if (e.name != op) continue;
        const unsigned r0 = reg(ctx, op, a);
        const unsigned r1 = reg(ctx, op, b);
        const std::size_t l = ctx.label_operand(op, c);
        long_branch_check(ctx, "bcc", l);
        as_.branch(e.cond, r0, r1, l);
        return true;
    }
    if (op == "addi_n") {
        const unsigned r0 = reg(ctx, op, a);
        const unsigned r1 = reg(ctx, op, b);
        const auto imm4 = static_cast<std::int32_t>(imm(ctx, op, c, -1, 15));
        // -1 (also written for 0) fills the whole word from the t field up in the reference's
        // encoding: r and s become 15 too.
        if (imm4 == 0 || imm4 == -1) {
            as_.op16(0xfff0 | 11);
        } else {
            as_.op16(encode_rrrn(11, r0, r1, static_cast<unsigned>(imm4)));
        }
    } else if (op == "addmi") {
        const unsigned r0 = reg(ctx, op, a);
        const unsigned r1 = reg(ctx, op, b);
        const auto imm8 = static_cast<std::int32_t>(imm(ctx, op, c, -128 * 256, 127 * 256));
        if ((imm8 & 0xff) != 0) {
            ctx.error(std::to_string(imm8) + " is not a multiple of 256");
        } else {
            as_.op24(encode_rri8(2, 13, r1, r0, static_cast<unsigned>(imm8 >> 8) & 0xff));
        }
    } else if (op == "bbci" || op == "bbsi") {
        const unsigned r0 = reg(ctx, op, a);
        const std::uint32_t bit = imm(ctx, op, b, 0, 31);
        const std::size_t l = ctx.label_operand(op, c);
        bit_branch(ctx, r0, bit, l, op == "bbci" ? 6 : 14);
    } else if (op == "slli") {
        const unsigned r0 = reg(ctx, op, a);
        const unsigned r1 = reg(ctx, op, b);
        const std::uint32_t bits = 32 - imm(ctx, op, c, 1, 31);
        as_.op24(encode_rrr(0, 1, (bits >> 4) & 1, r0, r1, bits & 0xf));
    } else if (op == "srai") {
        const unsigned r0 = reg(ctx, op, a);
        const unsigned r1 = reg(ctx, op, b);
        const std::uint32_t bits = imm(ctx, op, c, 0, 31);
        as_.op24(encode_rrr(0, 1, 2 | ((bits >> 4) & 1), r0, bits & 0xf, r1));
    } else if (op == "srli") {
        const unsigned r0 = reg(ctx, op, a);
        const unsigned r1 = reg(ctx, op, b);
        const std::uint32_t bits = imm(ctx, op, c, 0, 15);
        as_.op24(encode_rrr(0, 1, 4, r0, bits, r1));
    } else if (op == "l32i_n" || op == "s32i_n") {
        const unsigned r0 = reg(ctx, op, a);
        const unsigned r1 = reg(ctx, op, b);
        const std::uint32_t offset = imm(ctx, op, c, 0, 60);
        if ((offset & 3) != 0) {
            ctx.error(std::to_string(offset) + " is not a multiple of 4");
        } else if (op == "l32i_n") {
            as_.l32i_n(r0, r1, offset >> 2);
        } else {
            as_.s32i_n(r0, r1, offset >> 2);
        }
    } else {
        return false;
    }
    return true;
}

// The assembler's own range and alignment checks (emit pass only) raise a RuntimeError in the
// reference: it ends the compilation at once and is printed without a traceback.
[[noreturn]] void runtime_error(const std::string& message) { throw CompileError{"RuntimeError", message, -1}; }

// The long branch forms reach 18 bits; the reference checks that in the emit pass.
void XtensaDialect::long_branch_check(InlineAsmContext& ctx, const char* what, std::size_t label) {
    if (!ctx.emitting()) return;
    const AsmXtensa::Displacement d = as_.displacement_to(label);
    if (d.backward && signed_fit(static_cast<std::uint32_t>(d.value), std::string_view(what) == "bcc" ? 8 : 12)) {
        return;
    }
    if (!signed_fit(static_cast<std::uint32_t>(d.value - 6), 18)) {
        runtime_error(std::string("ERROR: xtensa ") + what + " out of range");
    }
}

void XtensaDialect::bit_branch(InlineAsmContext& ctx, unsigned reg, unsigned bit, std::size_t label, unsigned cond) {
    const AsmXtensa::Displacement d = as_.displacement_to(label);
    const auto rel = static_cast<std::uint32_t>(d.value);
    if (ctx.emitting() && !signed_fit(rel, 8)) runtime_error("ERROR: xtensa bit_branch out of range");
    as_.op24(encode_rri8(7, cond | ((bit >> 4) & 1), reg, bit & 0xf, rel & 0xff));
}

void XtensaDialect::call0_label(InlineAsmContext& ctx, std::size_t label) {
    const auto dest = static_cast<std::uint32_t>(as_.label_offset(label));
    const std::uint32_t rel = dest - static_cast<std::uint32_t>(as_.code_pos()) - 3;
    if (ctx.emitting()) {
        if ((dest & 3) != 0) {
            runtime_error("ERROR: call0 target not word-aligned");
        } else if ((rel & 3) != 0) {
            runtime_error("ERROR: call0 location not word-aligned");
        } else if (!signed_fit(rel, 18)) {
            runtime_error("ERROR: xtensa call0 out of range");
        }
    }
    as_.call0(static_cast<std::int32_t>(rel));
}

void XtensaDialect::l32r_label(InlineAsmContext& ctx, unsigned reg, std::size_t label) {
    const auto dest = static_cast<std::uint32_t>(as_.label_offset(label));
    const auto here = static_cast<std::uint32_t>(as_.code_pos());
    const std::uint32_t rel = dest - here;
    if (ctx.emitting()) {
        if ((dest & 3) != 0) {
            runtime_error("ERROR: l32r target not word-aligned");
        } else if ((rel & 3) != 0) {
            runtime_error("ERROR: l32r location not word-aligned");
        } else if (!signed_fit(rel, 18) || static_cast<std::int32_t>(rel) >= 0) {
            runtime_error("ERROR: xtensa l32r out of range");
        }
    }
    as_.l32r_at(reg, here, dest);
}

}  // namespace

std::unique_ptr<InlineAsmDialect> make_xtensa_inline_asm_dialect(NativeArch arch, CompatVersion compat) {
    const bool v127 = compat == CompatVersion::V1_27;
    if (arch == NativeArch::Xtensa) return std::make_unique<XtensaDialect>(false, !v127);
    if (arch == NativeArch::XtensaWin && !v127) return std::make_unique<XtensaDialect>(true, true);
    return nullptr;
}

}  // namespace mpy
