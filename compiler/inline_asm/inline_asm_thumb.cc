// @micropython.asm_thumb: the Thumb instruction set of mpy-cross 1.27's inline assembler, its
// operand rules and its error messages.  armv7m and the armv7em* variants add the Thumb-2
// instructions (movw/movt, clz, sdiv, it, wide branches...); armv7emsp/armv7emdp the single
// precision float instructions (v*).
#include <array>
#include <cstdio>
#include <string_view>

#include "compiler/asm/thumb/asm_thumb.h"
#include "compiler/inline_asm/inline_asm.h"

namespace mpy {

namespace {

struct NamedReg {
    std::string_view name;
    unsigned reg;
};
constexpr std::array<NamedReg, 21> kRegs = {{
    {"r0", 0}, {"r1", 1}, {"r2", 2}, {"r3", 3}, {"r4", 4}, {"r5", 5}, {"r6", 6}, {"r7", 7},
    {"r8", 8}, {"r9", 9}, {"r10", 10}, {"r11", 11}, {"r12", 12}, {"r13", 13}, {"r14", 14},
    {"r15", 15}, {"sl", 10}, {"fp", 11}, {"sp", 13}, {"lr", 14}, {"pc", 15},
}};

struct NamedCond {
    std::string_view name;
    thumb::Cond cc;
};
constexpr std::array<NamedCond, 14> kConds = {{
    {"eq", thumb::EQ}, {"ne", thumb::NE}, {"cs", thumb::CS}, {"cc", thumb::CC}, {"mi", thumb::MI},
    {"pl", thumb::PL}, {"vs", thumb::VS}, {"vc", thumb::VC}, {"hi", thumb::HI}, {"ls", thumb::LS},
    {"ge", thumb::GE}, {"lt", thumb::LT}, {"gt", thumb::GT}, {"le", thumb::LE},
}};

// Two-register ALU instructions by name (and_ is spelled so because `and` is a keyword).
struct NamedAlu {
    std::string_view name;
    thumb::AluOp op;
};
constexpr std::array<NamedAlu, 16> kAluOps = {{
    {"and_", thumb::AND}, {"eor", thumb::EOR}, {"lsl", thumb::LSL}, {"lsr", thumb::LSR},
    {"asr", thumb::ASR}, {"adc", thumb::ADC}, {"sbc", thumb::SBC}, {"ror", thumb::ROR},
    {"tst", thumb::TST}, {"neg", thumb::NEG}, {"cmp", thumb::CMP}, {"cmn", thumb::CMN},
    {"orr", thumb::ORR}, {"mul", thumb::MUL}, {"bic", thumb::BIC}, {"mvn", thumb::MVN},
}};

// Immediate-offset loads and stores: opcode and the offset mask (the offset counts bytes).
struct NamedLdSt {
    std::string_view name;
    std::uint32_t op;
    std::uint32_t mask;
    unsigned shift;
};
constexpr std::array<NamedLdSt, 6> kLdSt = {{
    {"ldr", 0x6800, 0x7c, 2}, {"ldrb", 0x7800, 0x1f, 0}, {"ldrh", 0x8800, 0x3e, 1},
    {"str", 0x6000, 0x7c, 2}, {"strb", 0x7000, 0x1f, 0}, {"strh", 0x8000, 0x3e, 1},
}};

// Three-operand float arithmetic: the opcode's two nibbles.
struct NamedVfp {
    std::string_view name;
    std::uint32_t op;
};
constexpr std::array<NamedVfp, 4> kVfpOps = {{{"vadd", 0x30}, {"vsub", 0x34}, {"vmul", 0x20}, {"vdiv", 0x80}}};

std::string hex(std::uint32_t v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%x", v);
    return buf;
}

// r0, r1, r2, r3 in that order.
bool is_thumb_param_register(const std::string& name, std::size_t position) {
    return name.size() == 2 && name[0] == 'r' && name[1] == static_cast<char>('0' + position);
}

class ThumbDialect final : public EntryExitDialect<AsmThumb> {
public:
    ThumbDialect(bool armv7m, bool allow_float, bool arm_state = false)
        : EntryExitDialect("Thumb",
                           {4, "can only have up to 4 parameters to Thumb assembly",
                            "parameters must be registers in sequence r0 to r3", is_thumb_param_register},
                           armv7m),
          allow_float_(allow_float),
          arm_state_(arm_state) {}

    void start_pass(bool emit) override {
        as_.start_pass(emit);
        if (arm_state_) {
            // armv6 calls the function in ARM state: ARM instructions that call the Thumb code
            // after them and return to ARM state (push {r4, lr}; add lr, pc, #9; blx lr;
            // pop {r4, lr}; bx lr), as the reference's entry writes them.
            as_.op32(0x4010, 0xe92d);
            as_.op32(0xe009, 0xe28f);
            as_.op32(0xff3e, 0xe12f);
            as_.op32(0x4010, 0xe8bd);
            as_.op32(0xff1e, 0xe12f);
        }
        as_.entry(0);
    }

private:
    // Operand parsers: on a bad operand they record the error and return 0 (the instruction is
    // still assembled, so later operands can replace the message, as in the reference).
    unsigned reg(InlineAsmContext& ctx, const std::string& op, AsmArg arg, unsigned max_reg);
    unsigned special_reg(InlineAsmContext& ctx, const std::string& op, AsmArg arg);
    unsigned vfp_reg(InlineAsmContext& ctx, const std::string& op, AsmArg arg);
    unsigned reg_list(InlineAsmContext& ctx, const std::string& op, AsmArg arg);
    std::uint32_t imm(InlineAsmContext& ctx, const std::string& op, AsmArg arg, std::uint32_t mask);
    // [base, offset]: false (and an error) if the operand is not of that form.
    bool address(InlineAsmContext& ctx, const std::string& op, AsmArg arg, AsmArg& base, AsmArg& offset);
    // The float instructions (armv7emsp/dp, names starting with 'v'); false: unknown.
    bool float_op(InlineAsmContext& ctx, const std::string& op, const std::vector<AsmArg>& args);
    // The float instructions first, then by operand count; an out-of-range branch is reported
    // after the instruction's operands (replacing any error they had).
    bool known_op(InlineAsmContext& ctx, const std::string& name, const std::vector<AsmArg>& args) override;
    bool op0(InlineAsmContext& ctx, const std::string& op) override;
    bool op1(InlineAsmContext& ctx, const std::string& op, AsmArg a) override;
    bool op2(InlineAsmContext& ctx, const std::string& op, AsmArg a, AsmArg b) override;
    bool op3(InlineAsmContext& ctx, const std::string& op, AsmArg a, AsmArg b, AsmArg c) override;

    bool allow_float_;
    bool arm_state_;
    bool branch_out_of_range_ = false;
};

unsigned ThumbDialect::reg(InlineAsmContext& ctx, const std::string& op, AsmArg arg, unsigned max_reg) {
    const std::string name = asm_arg_name(arg);
    for (const NamedReg& r : kRegs) {
        if (r.name != name) continue;
        if (r.reg > max_reg) {
            ctx.error("'" + op + "' expects at most r" + std::to_string(max_reg));
            return 0;
        }
        return r.reg;
    }
    ctx.error("'" + op + "' expects a register");
    return 0;
}

unsigned ThumbDialect::special_reg(InlineAsmContext& ctx, const std::string& op, AsmArg arg) {
    const std::string name = asm_arg_name(arg);
    if (name == "IPSR") return 5;
    if (name == "BASEPRI") return 17;
    ctx.error("'" + op + "' expects a special register");
    return 0;
}

unsigned ThumbDialect::vfp_reg(InlineAsmContext& ctx, const std::string& op, AsmArg arg) {
    const std::string name = asm_arg_name(arg);
    if (name.size() >= 2 && name[0] == 's') {
        unsigned n = 0;
        bool digits = true;
        for (std::size_t i = 1; i < name.size(); ++i) {
            if (name[i] < '0' || name[i] > '9') {
                digits = false;
                break;
            }
            n = 10 * n + static_cast<unsigned>(name[i] - '0');
        }
        if (digits) {
            if (n > 31) {
                ctx.error("'" + op + "' expects at most r31");
                return 0;
            }
            return n;
        }
    }
    ctx.error("'" + op + "' expects an FPU register");
    return 0;
}

unsigned ThumbDialect::reg_list(InlineAsmContext& ctx, const std::string& op, AsmArg arg) {
    const ast::DictOrSet* braces = arg != nullptr ? arg->as<ast::DictOrSet>() : nullptr;
    const bool single = braces != nullptr && braces->items.size() == 1 && braces->items_line == 0;
    const bool several = braces != nullptr && !braces->items.empty() && !single;
    if (single && braces->items[0].value == nullptr && !asm_arg_name(braces->items[0].key.get()).empty()) {
        return 1u << reg(ctx, op, braces->items[0].key.get(), 15);
    }
    if (several) {
        unsigned list = 0;
        for (const ast::BraceItem& item : braces->items) {
            list |= 1u << reg(ctx, op, item.value == nullptr ? item.key.get() : nullptr, 15);
        }
        return list;
    }
    ctx.error("'" + op + "' expects {r0, r1, ...}");
    return 0;
}

std::uint32_t ThumbDialect::imm(InlineAsmContext& ctx, const std::string& op, AsmArg arg, std::uint32_t mask) {
    const std::optional<std::uint32_t> v = ctx.int_operand(op, arg);
    if (!v) return 0;
    const std::uint32_t i = *v;
    if ((i & ~mask) != 0) {
        ctx.error("'" + op + "' integer " + hex(i) + " doesn't fit in mask " + hex(mask));
        return 0;
    }
    return i;
}

bool ThumbDialect::address(InlineAsmContext& ctx, const std::string& op, AsmArg arg, AsmArg& base,
                           AsmArg& offset) {
    const ast::List* list = arg != nullptr ? arg->as<ast::List>() : nullptr;
    if (list == nullptr || list->elts.size() != 2) {
        ctx.error("'" + op + "' expects an address of the form [a, b]");
        return false;
    }
    base = list->elts[0].get();
    offset = list->elts[1].get();
    return true;
}

bool ThumbDialect::known_op(InlineAsmContext& ctx, const std::string& name, const std::vector<AsmArg>& args) {
    branch_out_of_range_ = false;
    const bool float_instruction = allow_float_ && !name.empty() && name[0] == 'v';
    const bool known = float_instruction ? float_op(ctx, name, args) : op_by_count(ctx, name, args);
    if (known && branch_out_of_range_) ctx.error("branch not in range");
    return known;
}

bool ThumbDialect::float_op(InlineAsmContext& ctx, const std::string& op, const std::vector<AsmArg>& args) {
    if (args.size() == 2) {
        std::uint32_t hi = 0;
        std::uint32_t lo = 0x0ac0;
        if (op == "vcmp") {
            hi = 0xeeb4;
        } else if (op == "vsqrt") {
            hi = 0xeeb1;
        } else if (op == "vneg") {
            hi = 0xeeb1;
            lo = 0x0a40;
        } else if (op == "vcvt_f32_s32") {
            hi = 0xeeb8;
        } else if (op == "vcvt_s32_f32") {
            hi = 0xeebd;
        }
        if (hi != 0) {
            const unsigned vd = vfp_reg(ctx, op, args[0]);
            const unsigned vm = vfp_reg(ctx, op, args[1]);
            as_.op32(hi | ((vd & 1) << 6), lo | ((vd & 0x1e) << 11) | ((vm & 1) << 5) | ((vm & 0x1e) >> 1));
            return true;
        }
        if (op == "vmrs") {
            const unsigned rd = asm_arg_name(args[0]) == "APSR_nzcv" ? 15 : reg(ctx, op, args[0], 15);
            if (asm_arg_name(args[1]) != "FPSCR") return false;
            as_.op32(0xeef1, 0x0a10 | (rd << 12));
            return true;
        }
        if (op == "vmov") {
            std::uint32_t op_hi = 0xee00;
            unsigned r_arm = 0;
            unsigned vm = 0;
            if (asm_arg_name(args[0]).starts_with('r')) {
                r_arm = reg(ctx, op, args[0], 15);
                vm = vfp_reg(ctx, op, args[1]);
                op_hi |= 0x10;
            } else {
                vm = vfp_reg(ctx, op, args[0]);
                r_arm = reg(ctx, op, args[1], 15);
            }
            as_.op32(op_hi | ((vm & 0x1e) >> 1), 0x0a10 | (r_arm << 12) | ((vm & 1) << 7));
            return true;
        }
        if (op == "vldr" || op == "vstr") {
            const std::uint32_t op_hi = op == "vldr" ? 0xed90 : 0xed80;
            const unsigned vd = vfp_reg(ctx, op, args[0]);
            AsmArg base = nullptr;
            AsmArg offset = nullptr;
            if (address(ctx, op, args[1], base, offset)) {
                const unsigned rlo_base = reg(ctx, op, base, 7);
                const std::uint32_t i8 = imm(ctx, op, offset, 0x3fc) >> 2;
                as_.op32(op_hi | rlo_base | ((vd & 1) << 6), 0x0a00 | ((vd & 0x1e) << 11) | i8);
            }
            return true;
        }
        return false;
    }
    if (args.size() == 3) {
        for (const NamedVfp& v : kVfpOps) {
            if (op != v.name) continue;
            const std::uint32_t op_hi = 0xee00 | (v.op & 0xf0);
            const std::uint32_t op_lo = 0x0a00 | ((v.op & 0x0f) << 4);
            const unsigned vd = vfp_reg(ctx, op, args[0]);
            const unsigned vn = vfp_reg(ctx, op, args[1]);
            const unsigned vm = vfp_reg(ctx, op, args[2]);
            as_.op32(op_hi | ((vd & 1) << 6) | (vn >> 1),
                     op_lo | (vm >> 1) | ((vm & 1) << 5) | ((vd & 0x1e) << 11) | ((vn & 1) << 7));
            return true;
        }
    }
    return false;
}

bool ThumbDialect::op0(InlineAsmContext& /*ctx*/, const std::string& op) {
    if (op == "nop") {
        as_.op16(thumb::kNop);
    } else if (op == "wfi") {
        as_.op16(0xbf30);
    } else {
        return false;
    }
    return true;
}

bool ThumbDialect::op1(InlineAsmContext& ctx, const std::string& op, AsmArg a) {
    const bool v7 = as_.armv7m();
    if (op == "b") {
        branch_out_of_range_ = !as_.b_n_label(ctx.label_operand(op, a));
        return true;
    }
    if (op == "bl") {
        branch_out_of_range_ = !as_.bl_label(ctx.label_operand(op, a));
        return true;
    }
    if (op == "bx") {
        as_.op16(0x4700 | (reg(ctx, op, a, 15) << 3));
        return true;
    }
    const bool narrow_or_wide = op.size() == 5 && op[3] == '_' && (op[4] == 'n' || (v7 && op[4] == 'w'));
    if (op[0] == 'b' && (op.size() == 3 || narrow_or_wide)) {
        const NamedCond* cond = nullptr;
        for (const NamedCond& c : kConds) {
            if (op.compare(1, 2, c.name) == 0) cond = &c;
        }
        if (cond == nullptr) return false;
        const std::size_t lab = ctx.label_operand(op, a);
        const bool wide = op.size() == 5 && op[4] == 'w';
        branch_out_of_range_ = !as_.bcc_nw_label(cond->cc, lab, wide);
        return true;
    }
    if (v7 && op.starts_with("it")) {
        const std::string arg = asm_arg_name(a);
        const NamedCond* cond = nullptr;
        for (const NamedCond& c : kConds) {
            if (arg == c.name) {
                cond = &c;
                break;
            }
        }
        if (cond == nullptr || op.size() > 5) return false;
        // then/else letters, read from the last; a 1 bit in the mask repeats the condition's
        // low bit for "t" and inverts it for "e", and the lowest set bit ends the block.
        unsigned mask = 8;
        for (std::size_t i = op.size(); i-- > 2;) {
            mask >>= 1;
            if (op[i] == 't') {
                mask |= (cond->cc & 1u) << 3;
            } else if (op[i] == 'e') {
                mask |= ((~cond->cc) & 1u) << 3;
            } else {
                return false;
            }
        }
        as_.it(cond->cc, mask);
        return true;
    }
    if (op == "cpsid") {
        as_.op16(0xb672);
        return true;
    }
    if (op == "cpsie") {
        as_.op16(0xb662);
        return true;
    }
    if (op == "push") {
        const unsigned list = reg_list(ctx, op, a);
        if ((list & 0xbf00) == 0) {
            as_.op16((list & (1u << 14)) == 0 ? 0xb400 | list : 0xb500 | (list & 0xff));
        } else {
            if (!v7) return false;
            as_.op32(0xe92d, list);
        }
        return true;
    }
    if (op == "pop") {
        const unsigned list = reg_list(ctx, op, a);
        if ((list & 0x7f00) == 0) {
            as_.op16((list & (1u << 15)) == 0 ? 0xbc00 | list : 0xbd00 | (list & 0xff));
        } else {
            if (!v7) return false;
            as_.op32(0xe8bd, list);
        }
        return true;
    }
    return false;
}

bool ThumbDialect::op2(InlineAsmContext& ctx, const std::string& op, AsmArg a, AsmArg b) {
    const bool v7 = as_.armv7m();
    if (!asm_arg_name(b).empty()) {
        // second operand is a register (or should be)
        if (op == "mov") {
            const unsigned rd = reg(ctx, op, a, 15);
            const unsigned rs = reg(ctx, op, b, 15);
            as_.mov_reg_reg(rd, rs);
            return true;
        }
        if (v7 && (op == "clz" || op == "rbit")) {
            const std::uint32_t hi = op == "clz" ? 0xfab0 : 0xfa90;
            const std::uint32_t lo = op == "clz" ? 0xf080 : 0xf0a0;
            const unsigned rd = reg(ctx, op, a, 15);
            const unsigned rm = reg(ctx, op, b, 15);
            as_.op32(hi | rm, lo | (rd << 8) | rm);
            return true;
        }
        if (v7 && op == "mrs") {
            const unsigned rd = reg(ctx, op, a, 12);
            const unsigned sr = special_reg(ctx, op, b);
            as_.op32(0xf3ef, 0x8000 | (rd << 8) | sr);
            return true;
        }
        for (const NamedAlu& alu : kAluOps) {
            if (op != alu.name) continue;
            const unsigned rd = reg(ctx, op, a, 7);
            const unsigned rs = reg(ctx, op, b, 7);
            as_.alu(alu.op, rd, rs);
            return true;
        }
        return false;
    }
    // second operand is not a register
    struct Format3 {
        std::string_view name;
        std::uint32_t op;
    };
    static constexpr Format3 kFormat3[] = {{"mov", 0x2000}, {"cmp", 0x2800}, {"add", 0x3000}, {"sub", 0x3800}};
    for (const Format3& f : kFormat3) {
        if (op != f.name) continue;
        const unsigned rd = reg(ctx, op, a, 7);
        const std::uint32_t i8 = imm(ctx, op, b, 0xff);
        as_.op16(f.op | (rd << 8) | i8);
        return true;
    }
    if (v7 && (op == "movw" || op == "movt")) {
        const unsigned rd = reg(ctx, op, a, 15);
        const std::uint32_t i16 = imm(ctx, op, b, 0xffff);
        as_.mov_reg_i16(op == "movt", rd, i16);
        return true;
    }
    if (v7 && op == "movwt") {
        const unsigned rd = reg(ctx, op, a, 15);
        const std::uint32_t i32 = imm(ctx, op, b, 0xffffffff);
        as_.mov_reg_i16(false, rd, i32 & 0xffff);
        as_.mov_reg_i16(true, rd, (i32 >> 16) & 0xffff);
        return true;
    }
    if (v7 && op == "ldrex") {
        const unsigned rd = reg(ctx, op, a, 15);
        AsmArg base = nullptr;
        AsmArg offset = nullptr;
        if (address(ctx, op, b, base, offset)) {
            const unsigned rb = reg(ctx, op, base, 15);
            const std::uint32_t i8 = imm(ctx, op, offset, 0xff) >> 2;
            as_.op32(0xe850 | rb, 0x0f00 | (rd << 12) | i8);
        }
        return true;
    }
    for (const NamedLdSt& ls : kLdSt) {
        if (op != ls.name) continue;
        const unsigned rd = reg(ctx, op, a, 7);
        AsmArg base = nullptr;
        AsmArg offset = nullptr;
        if (!address(ctx, op, b, base, offset)) return false;  // reported as unsupported
        const unsigned rb = reg(ctx, op, base, 7);
        const std::uint32_t i5 = imm(ctx, op, offset, ls.mask) >> ls.shift;
        as_.format9_10(ls.op, rd, rb, i5);
        return true;
    }
    return false;
}

bool ThumbDialect::op3(InlineAsmContext& ctx, const std::string& op, AsmArg a, AsmArg b, AsmArg c) {
    const bool v7 = as_.armv7m();
    if (op == "lsl" || op == "lsr" || op == "asr") {
        const std::uint32_t code = op == "lsl" ? 0x0000 : op == "lsr" ? 0x0800 : 0x1000;
        const unsigned rd = reg(ctx, op, a, 7);
        const unsigned rs = reg(ctx, op, b, 7);
        const std::uint32_t i5 = imm(ctx, op, c, 0x1f);
        as_.op16(code | (i5 << 6) | (rs << 3) | rd);
        return true;
    }
    if (op == "add" || op == "sub") {
        std::uint32_t code = op == "add" ? 0x1800 : 0x1a00;
        const unsigned rd = reg(ctx, op, a, 7);
        const unsigned rs = reg(ctx, op, b, 7);
        std::uint32_t src_b = 0;
        if (!asm_arg_name(c).empty()) {
            src_b = reg(ctx, op, c, 7);
        } else {
            code |= 0x0400;  // immediate operand
            src_b = imm(ctx, op, c, 0x7);
        }
        as_.op16(code | (src_b << 6) | (rs << 3) | rd);
        return true;
    }
    if (v7 && (op == "sdiv" || op == "udiv")) {
        const std::uint32_t hi = op == "sdiv" ? 0xfb90 : 0xfbb0;
        const unsigned rd = reg(ctx, op, a, 15);
        const unsigned rn = reg(ctx, op, b, 15);
        const unsigned rm = reg(ctx, op, c, 15);
        as_.op32(hi | rn, 0xf0f0 | (rd << 8) | rm);
        return true;
    }
    if (v7 && op == "strex") {
        const unsigned rd = reg(ctx, op, a, 15);
        const unsigned rs = reg(ctx, op, b, 15);
        AsmArg base = nullptr;
        AsmArg offset = nullptr;
        if (address(ctx, op, c, base, offset)) {
            const unsigned rb = reg(ctx, op, base, 15);
            const std::uint32_t i8 = imm(ctx, op, offset, 0xff) >> 2;
            as_.op32(0xe840 | rb, (rs << 12) | (rd << 8) | i8);
        }
        return true;
    }
    return false;
}

}  // namespace

std::unique_ptr<InlineAsmDialect> make_thumb_inline_asm_dialect(NativeArch arch) {
    switch (arch) {
        // mpy-cross assembles asm_thumb for armv6 too: the armv6m instruction set, entered from
        // ARM state.
        case NativeArch::ArmV6: return std::make_unique<ThumbDialect>(false, false, true);
        case NativeArch::ArmV6M: return std::make_unique<ThumbDialect>(false, false);
        case NativeArch::ArmV7M:
        case NativeArch::ArmV7EM: return std::make_unique<ThumbDialect>(true, false);
        case NativeArch::ArmV7EMSP:
        case NativeArch::ArmV7EMDP: return std::make_unique<ThumbDialect>(true, true);
        default: return nullptr;
    }
}

}  // namespace mpy
