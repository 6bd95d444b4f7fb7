// @micropython.asm_rv32: the RV32IMC instruction set of mpy-cross's inline assembler (1.27.0 and
// 1.28.0 have the same one), its operand rules and its error messages.  -march-flags=zba adds
// sh1add/sh2add/sh3add.
//
// Unlike asm_thumb/asm_xtensa, an instruction has exactly one operand count, the operands are
// checked left to right and the FIRST bad one is reported ("opcode 'x' argument n: ...").  What
// the reference's range checks really accept, which these rules reproduce:
//   - a signed range is tested on the value's low 32 bits only, an unsigned one on all 64 bits
//     (so a negative value never fits an unsigned field);
//   - a register operand may be restricted to a set (x8..x15 for the compressed forms, not x0 ...);
//   - a label not placed yet in the size pass has the offset 0, so the displacement of a forward
//     reference is minus the current position there -- a short branch forward from far into the
//     function is "out of range" even if its target is near.
#include <array>
#include <bit>
#include <string_view>

#include "compiler/asm/rv32/asm_rv32.h"
#include "compiler/inline_asm/inline_asm.h"

namespace mpy {

namespace {

using namespace rv32;

// The register names the reference knows: the ABI names in register order, then x0..x31.
constexpr std::array<std::string_view, 32> kAbiNames = {
    "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0",  "a1",  "a2", "a3", "a4", "a5",
    "a6",   "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
};

std::optional<unsigned> register_number(const std::string& name) {
    for (unsigned i = 0; i < kAbiNames.size(); ++i) {
        if (kAbiNames[i] == name) return i;
    }
    if (name.size() >= 2 && name.size() <= 3 && name[0] == 'x') {
        const std::string digits = name.substr(1);
        // x0..x31 exactly as spelled (no leading zeros, no sign).
        if (digits.find_first_not_of("0123456789") == std::string::npos && (digits.size() == 1 || digits[0] != '0')) {
            const int n = std::stoi(digits);
            if (n < 32) return static_cast<unsigned>(n);
        }
    }
    return std::nullopt;
}

// a0..a3 (x10..x13) in that order.
bool is_rv32_param_register(const std::string& name, std::size_t position) {
    const std::optional<unsigned> n = register_number(name);
    return n && *n == A0 + position;
}

// ---- the instruction table ---------------------------------------------------------------------

enum class OperandKind : std::uint8_t { Register, Immediate, Label };

struct Operand {
    OperandKind kind;
    std::uint32_t mask;         // registers: the allowed set (bit n = xn); values: the field
    unsigned shift = 0;         // an immediate is shifted left by this before the range check
    bool is_unsigned = false;   // the value must fit the mask as an unsigned number
    bool nonzero = false;       // and must not be 0
    bool compressed = false;    // a register written as its x8..x15 window number
};

constexpr Operand reg(std::uint32_t allowed = 0xffffffffu) { return {OperandKind::Register, allowed}; }
constexpr Operand creg() { return {OperandKind::Register, 0x0000ff00u, 0, false, false, true}; }
constexpr Operand imm(std::uint32_t mask, unsigned shift = 0) { return {OperandKind::Immediate, mask, shift}; }
constexpr Operand uimm(std::uint32_t mask) { return {OperandKind::Immediate, mask, 0, true}; }
constexpr Operand label(std::uint32_t mask) { return {OperandKind::Label, mask}; }
constexpr Operand none() { return {OperandKind::Immediate, 0}; }

constexpr std::uint32_t kNotX0 = 0xfffffffeu;
constexpr std::uint32_t kWindow = 0x0000ff00u;

// How the operands become an instruction.
enum class Form : std::uint8_t {
    RegRegReg,      // R type, opcode 0x33: funct3 a, funct7 b
    RegRegImm,      // I type, opcode a, funct3 b (jalr, the ALU immediates, csrr[wsc])
    ShiftImm,       // slli/srli/srai: funct3 a, b = 0x400 for the arithmetic shift
    Load,           // rd, offset(base): funct3 a
    Store,          // rs, offset(base): funct3 a
    Branch,         // rs1, rs2, label: funct3 a
    Upper,          // lui / auipc: opcode a
    CsrImm,         // rd, csr, imm5: funct3 a
    Jal,            // rd, label
    LoadAddress,    // la rd, label: auipc + addi
    LoadImmediate,  // li rd, value: the shortest sequence
    Fixed32,        // a
    Fixed16,        // a
    CompressedReg,  // c.mv / c.add / mv: funct4 a, rd, rs
    CompressedJump, // c.jr / c.jalr: funct4 a, rs
    CompressedImm,  // c.li / c.addi / c.slli: op a, funct3 b
    CompressedLui,  // c.lui rd, value (the check is on value << 12)
    CompressedAlu,  // c.sub / c.xor / c.or / c.and: funct2 a
    CompressedAluImm,  // c.srli / c.srai / c.andi: funct2 a
    CompressedBranch,  // c.beqz / c.bnez: funct3 a
    CompressedJ,    // c.j / c.jal: funct3 a
    CompressedLoadStore,  // c.lw / c.sw: funct3 a
    LoadSp,         // c.lwsp
    StoreSp,        // c.swsp
    AddSp,          // c.addi4spn
};

struct Instruction {
    std::string_view name;
    Form form;
    std::uint32_t a = 0, b = 0;
    std::array<Operand, 3> operands = {none(), none(), none()};
    unsigned count = 0;  // number of arguments written (an offset(base) pair is one)
    bool zba = false;    // needs -march-flags=zba
    bool offset_base = false;  // operands 1 and 2 are written as offset(base)
};

Instruction rrr(std::string_view name, unsigned funct3, unsigned funct7, bool zba = false) {
    return {name, Form::RegRegReg, funct3, funct7, {reg(), reg(), reg()}, 3, zba};
}
Instruction rri(std::string_view name, unsigned opcode, unsigned funct3, Operand immediate = imm(0xfff)) {
    return {name, Form::RegRegImm, opcode, funct3, {reg(), reg(), immediate}, 3};
}
Instruction shift(std::string_view name, unsigned funct3, unsigned arithmetic) {
    return {name, Form::ShiftImm, funct3, arithmetic, {reg(), reg(), uimm(0x1f)}, 3};
}
Instruction load_store(std::string_view name, Form form, unsigned funct3) {
    return {name, form, funct3, 0, {reg(), imm(0xfff), reg()}, 2, false, true};
}
Instruction branch(std::string_view name, unsigned funct3) {
    return {name, Form::Branch, funct3, 0, {reg(), reg(), label(0x1ffe)}, 3};
}
Instruction csr_imm(std::string_view name, unsigned funct3) {
    return {name, Form::CsrImm, funct3, 0, {reg(), uimm(0xfff), uimm(0x1f)}, 3};
}
Instruction fixed(std::string_view name, Form form, std::uint32_t code) { return {name, form, code, 0, {}, 0}; }
Instruction two(std::string_view name, Form form, std::uint32_t a, std::uint32_t b, Operand x, Operand y) {
    return {name, form, a, b, {x, y, none()}, 2};
}
Instruction one(std::string_view name, Form form, std::uint32_t a, Operand x) {
    return {name, form, a, 0, {x, none(), none()}, 1};
}
Instruction compressed_load_store(std::string_view name, unsigned funct3) {
    return {name, Form::CompressedLoadStore, funct3, 0, {creg(), imm(0x7c), creg()}, 2, false, true};
}

const std::vector<Instruction>& instructions() {
    static const std::vector<Instruction> table = {
        rrr("add", 0, 0x00), rrr("sub", 0, 0x20), rrr("sll", 1, 0x00), rrr("slt", 2, 0x00),
        rrr("sltu", 3, 0x00), rrr("xor", 4, 0x00), rrr("srl", 5, 0x00), rrr("sra", 5, 0x20),
        rrr("or_", 6, 0x00), rrr("and_", 7, 0x00),
        rrr("mul", 0, 0x01), rrr("mulh", 1, 0x01), rrr("mulhsu", 2, 0x01), rrr("mulhu", 3, 0x01),
        rrr("div", 4, 0x01), rrr("divu", 5, 0x01), rrr("rem", 6, 0x01), rrr("remu", 7, 0x01),
        rrr("sh1add", 2, 0x10, true), rrr("sh2add", 4, 0x10, true), rrr("sh3add", 6, 0x10, true),
        rri("addi", 0x13, 0), rri("slti", 0x13, 2), rri("sltiu", 0x13, 3), rri("xori", 0x13, 4),
        rri("ori", 0x13, 6), rri("andi", 0x13, 7), rri("jalr", 0x67, 0),
        rri("csrrw", 0x73, 1, uimm(0xfff)), rri("csrrs", 0x73, 2, uimm(0xfff)), rri("csrrc", 0x73, 3, uimm(0xfff)),
        csr_imm("csrrwi", 5), csr_imm("csrrsi", 6), csr_imm("csrrci", 7),
        shift("slli", 1, 0), shift("srli", 5, 0), shift("srai", 5, 0x400),
        load_store("lb", Form::Load, 0), load_store("lh", Form::Load, 1), load_store("lw", Form::Load, 2),
        load_store("lbu", Form::Load, 4), load_store("lhu", Form::Load, 5),
        load_store("sb", Form::Store, 0), load_store("sh", Form::Store, 1), load_store("sw", Form::Store, 2),
        branch("beq", 0), branch("bne", 1), branch("blt", 4), branch("bge", 5), branch("bltu", 6),
        branch("bgeu", 7),
        two("lui", Form::Upper, 0x37, 0, reg(), imm(0xfffff000u, 12)),
        two("auipc", Form::Upper, 0x17, 0, reg(), imm(0xfffff000u, 12)),
        two("jal", Form::Jal, 0, 0, reg(), label(0x1ffffe)),
        two("la", Form::LoadAddress, 0, 0, reg(), label(0xffffffffu)),
        two("li", Form::LoadImmediate, 0, 0, reg(), imm(0xffffffffu)),
        two("mv", Form::CompressedReg, 0x8, 0, reg(), reg()),
        fixed("ebreak", Form::Fixed32, 0x00100073), fixed("ecall", Form::Fixed32, 0x00000073),
        fixed("c_ebreak", Form::Fixed16, 0x9002), fixed("c_nop", Form::Fixed16, 0x0001),
        two("c_mv", Form::CompressedReg, 0x8, 0, reg(kNotX0), reg(kNotX0)),
        two("c_add", Form::CompressedReg, 0x9, 0, reg(kNotX0), reg(kNotX0)),
        one("c_jr", Form::CompressedJump, 0x8, reg(kNotX0)),
        one("c_jalr", Form::CompressedJump, 0x9, reg(kNotX0)),
        two("c_li", Form::CompressedImm, 1, 2, reg(kNotX0), imm(0x3f)),
        two("c_addi", Form::CompressedImm, 1, 0, reg(kNotX0), {OperandKind::Immediate, 0x3f, 0, false, true}),
        two("c_slli", Form::CompressedImm, 2, 0, reg(kNotX0), uimm(0x1f)),
        // x0 and sp are not c.lui's (sp is c.addi16sp).
        two("c_lui", Form::CompressedLui, 0, 0, reg(0xfffffffau), {OperandKind::Immediate, 0x1f800, 12, true, true}),
        two("c_sub", Form::CompressedAlu, 0, 0, creg(), creg()),
        two("c_xor", Form::CompressedAlu, 1, 0, creg(), creg()),
        two("c_or", Form::CompressedAlu, 2, 0, creg(), creg()),
        two("c_and", Form::CompressedAlu, 3, 0, creg(), creg()),
        two("c_srli", Form::CompressedAluImm, 0, 0, creg(), uimm(0x1f)),
        two("c_srai", Form::CompressedAluImm, 1, 0, creg(), uimm(0x1f)),
        two("c_andi", Form::CompressedAluImm, 2, 0, creg(), imm(0x3f)),
        two("c_beqz", Form::CompressedBranch, 6, 0, creg(), label(0x1fe)),
        two("c_bnez", Form::CompressedBranch, 7, 0, creg(), label(0x1fe)),
        one("c_j", Form::CompressedJ, 5, label(0xffe)),
        one("c_jal", Form::CompressedJ, 1, label(0xffe)),
        compressed_load_store("c_lw", 2), compressed_load_store("c_sw", 6),
        two("c_lwsp", Form::LoadSp, 0, 0, reg(kNotX0), imm(0xfc)),
        two("c_swsp", Form::StoreSp, 0, 0, reg(), imm(0xfc)),
        // The destination is a window register but taken by its full number.
        two("c_addi4spn", Form::AddSp, 0, 0, reg(kWindow), {OperandKind::Immediate, 0x3fc, 0, true, true}),
    };
    return table;
}

// ---- range checks (see the file comment) -----------------------------------------------------------

bool fits_signed_mask(std::uint32_t mask, std::uint64_t value64) {
    const int leading = std::countl_zero(mask);
    if (leading == 0) return true;
    const auto value = static_cast<std::uint32_t>(value64);
    // Non-negative: nothing outside the mask below its top bit.
    const std::uint32_t positive = ~(mask & ~(1u << (31 - leading)));
    if ((value & positive) == 0) return true;
    // Negative: every bit from the mask's top bit up set, and the low bits the mask skips clear.
    std::uint32_t negative = ~(mask >> 1);
    const int trailing = std::countr_zero(mask);
    if (trailing > 0) {
        const std::uint32_t low = (1u << trailing) - 1;
        if ((value & low) != 0) return false;
        negative &= ~low;
    }
    return (value & negative) == negative;
}

bool fits(const Operand& o, std::uint64_t value) {
    if (o.is_unsigned) return (value & ~static_cast<std::uint64_t>(o.mask)) == 0;
    return fits_signed_mask(o.mask, value);
}

// ---- the dialect -------------------------------------------------------------------------------------

class Rv32Dialect final : public InlineAsmDialect {
public:
    explicit Rv32Dialect(unsigned extensions) : as_(Rv32Options{extensions, 0, true}), zba_(extensions & kExtZba) {}

    AsmBase& base() override { return as_; }
    // No entry code: the function is the instructions and a return.
    void start_pass(bool emit) override { as_.start_pass(emit); }
    void end_pass() override { as_.jump_reg(RA); }

    std::size_t count_params(InlineAsmContext& ctx, const std::vector<ast::Param>& params) override {
        static const ParamRegisterRule rule{4, "can only have up to 4 parameters for RV32 assembly",
                                            "parameters must be registers in sequence a0 to a3", is_rv32_param_register};
        return count_param_registers(ctx, params, rule);
    }

    void op(InlineAsmContext& ctx, const std::string& name, const std::vector<AsmArg>& args) override;

private:
    // Each sets the error and returns false on a bad operand; `position` counts from 0.
    bool operand(InlineAsmContext& ctx, const Instruction& in, std::size_t position, AsmArg arg, std::uint64_t& out);
    bool register_operand(InlineAsmContext& ctx, const Instruction& in, std::size_t position, const std::string& name,
                          std::uint64_t& out);
    bool immediate(InlineAsmContext& ctx, const Instruction& in, std::size_t position, std::uint64_t value,
                   std::uint64_t& out);
    bool offset_base(InlineAsmContext& ctx, const Instruction& in, AsmArg arg, std::uint64_t& offset, std::uint64_t& base);
    void emit(const Instruction& in, const std::array<std::uint64_t, 3>& v);

    static void fail(InlineAsmContext& ctx, const Instruction& in, std::size_t position, const std::string& what) {
        ctx.error("opcode '" + std::string(in.name) + "' argument " + std::to_string(position + 1) + ": " + what);
    }

    AsmRv32 as_;
    bool zba_;
};

void Rv32Dialect::op(InlineAsmContext& ctx, const std::string& name, const std::vector<AsmArg>& args) {
    const Instruction* in = nullptr;
    for (const Instruction& candidate : instructions()) {
        if (candidate.name == name) {
            in = &candidate;
            break;
        }
    }
    if (in == nullptr || (in->zba && !zba_)) {
        ctx.error("invalid RV32 instruction '" + name + "'");
        return;
    }
    if (args.size() != in->count) {
        ctx.error("opcode '" + name + "': expecting " + std::to_string(in->count) + " arguments");
        return;
    }
    std::array<std::uint64_t, 3> v{};
    if (in->count >= 1 && !operand(ctx, *in, 0, args[0], v[0])) return;
    if (in->offset_base) {
        if (!offset_base(ctx, *in, args[1], v[1], v[2])) return;
    } else {
        if (in->count >= 2 && !operand(ctx, *in, 1, args[1], v[1])) return;
        if (in->count >= 3 && !operand(ctx, *in, 2, args[2], v[2])) return;
    }
    emit(*in, v);
}

bool Rv32Dialect::register_operand(InlineAsmContext& ctx, const Instruction& in, std::size_t position,
                                   const std::string& name, std::uint64_t& out) {
    const Operand& o = in.operands[position];
    const std::optional<unsigned> n = register_number(name);
    if (!n) {
        fail(ctx, in, position, "expecting register");
        return false;
    }
    if ((o.mask & (1u << *n)) == 0) {
        fail(ctx, in, position, "unknown register");
        return false;
    }
    out = o.compressed ? *n - 8 : *n;
    return true;
}

bool Rv32Dialect::immediate(InlineAsmContext& ctx, const Instruction& in, std::size_t position, std::uint64_t value,
                            std::uint64_t& out) {
    const Operand& o = in.operands[position];
    const std::uint64_t shifted = value << o.shift;
    if (!fits(o, shifted)) {
        fail(ctx, in, position, "out of range");
        return false;
    }
    if (o.nonzero && shifted == 0) {
        fail(ctx, in, position, "must not be zero");
        return false;
    }
    out = shifted;
    return true;
}

bool Rv32Dialect::operand(InlineAsmContext& ctx, const Instruction& in, std::size_t position, AsmArg arg,
                          std::uint64_t& out) {
    const Operand& o = in.operands[position];
    switch (o.kind) {
        case OperandKind::Register: return register_operand(ctx, in, position, asm_arg_name(arg), out);
        case OperandKind::Immediate: {
            const std::optional<std::uint64_t> value = asm_arg_int(arg);
            if (!value) {
                fail(ctx, in, position, "expecting integer");
                return false;
            }
            return immediate(ctx, in, position, *value, out);
        }
        case OperandKind::Label: {
            const std::string name = asm_arg_name(arg);
            if (name.empty()) {
                fail(ctx, in, position, "expecting label");
                return false;
            }
            const std::optional<std::size_t> n = ctx.find_label(name);
            if (!n && ctx.emitting()) {
                fail(ctx, in, position, "undefined label '" + name + "'");
                return false;
            }
            // Size pass, label not placed yet: the reference reads an offset of 0 (see the top).
            const std::int64_t target = n ? as_.label_offset(*n) : 0;
            const auto displacement = static_cast<std::uint64_t>(target - static_cast<std::int64_t>(as_.code_pos()));
            if (!fits(o, displacement)) {
                fail(ctx, in, position, "out of range");
                return false;
            }
            out = displacement;
            return true;
        }
    }
    return false;
}

// `offset(base)` or `-offset(base)`: the reference's parse nodes are an atom with ONE trailer
// (a call, subscript or attribute), optionally under a unary + or -.
bool Rv32Dialect::offset_base(InlineAsmContext& ctx, const Instruction& in, AsmArg arg, std::uint64_t& offset,
                              std::uint64_t& base) {
    bool negative = false;
    AsmArg trailed = arg;
    if (const ast::UnaryOp* u = arg != nullptr ? arg->as<ast::UnaryOp>() : nullptr) {
        if (u->op != ast::UnaryOpKind::Minus && u->op != ast::UnaryOpKind::Plus) trailed = nullptr;
        negative = u->op == ast::UnaryOpKind::Minus;
        if (trailed != nullptr) trailed = u->operand.get();
    }
    // The atom and what the one trailer holds; a second trailer is a node that names no register.
    AsmArg atom = nullptr;
    std::string base_name;
    if (trailed != nullptr) {
        if (const ast::Call* call = trailed->as<ast::Call>()) {
            atom = call->func.get();
            const bool single = call->args.size() == 1 && call->args[0].kind == ast::Argument::Kind::Positional;
            if (single) base_name = asm_arg_name(call->args[0].value.get());
        } else if (const ast::Subscript* sub = trailed->as<ast::Subscript>()) {
            atom = sub->value.get();
            base_name = asm_arg_name(sub->index.get());
        } else if (const ast::Attribute* attr = trailed->as<ast::Attribute>()) {
            atom = attr->value.get();
            base_name = attr->attr;
        }
        if (atom != nullptr && (atom->is<ast::Call>() || atom->is<ast::Subscript>() || atom->is<ast::Attribute>())) {
            // Several trailers: the offset is the innermost atom, the base a trailer list.
            while (atom->is<ast::Call>() || atom->is<ast::Subscript>() || atom->is<ast::Attribute>()) {
                if (const ast::Call* c = atom->as<ast::Call>()) atom = c->func.get();
                else if (const ast::Subscript* s = atom->as<ast::Subscript>()) atom = s->value.get();
                else atom = atom->as<ast::Attribute>()->value.get();
            }
            base_name.clear();
        }
    }
    if (atom == nullptr) {
        fail(ctx, in, 1, "expecting offset");
        return false;
    }
    if (negative) {
        const std::optional<std::uint64_t> value = asm_arg_int(atom);
        if (!value) {
            fail(ctx, in, 1, "expecting integer");
            return false;
        }
        const std::uint64_t negated = 0 - *value;
        const Operand& o = in.operands[1];
        if (!fits(o, negated << o.shift) || (o.nonzero && (negated << o.shift) == 0)) {
            fail(ctx, in, 1, "out of range");
            return false;
        }
        offset = negated;
    } else if (!operand(ctx, in, 1, atom, offset)) {
        return false;
    }
    return register_operand(ctx, in, 2, base_name, base);
}

void Rv32Dialect::emit(const Instruction& in, const std::array<std::uint64_t, 3>& v) {
    const auto r0 = static_cast<unsigned>(v[0]);
    const auto r1 = static_cast<unsigned>(v[1]);
    const auto r2 = static_cast<unsigned>(v[2]);
    const auto i1 = static_cast<std::int64_t>(v[1]);
    const auto i2 = static_cast<std::int64_t>(v[2]);
    switch (in.form) {
        case Form::RegRegReg: as_.op32(encode_r(0x33, in.a, in.b, r0, r1, r2)); break;
        case Form::RegRegImm: as_.op32(encode_i(in.a, in.b, r0, r1, i2)); break;
        case Form::ShiftImm: as_.op32(encode_i(0x13, in.a, r0, r1, static_cast<std::int64_t>((v[2] & 0x1f) | in.b))); break;
        case Form::Load: as_.op32(encode_i(0x03, in.a, r0, r2, i1)); break;
        case Form::Store: as_.op32(encode_s(0x23, in.a, r2, r0, i1)); break;
        case Form::Branch: as_.op32(encode_b(in.a, r0, r1, i2)); break;
        case Form::Upper: as_.op32(encode_u(in.a, r0, v[1])); break;
        case Form::CsrImm: as_.op32(encode_csr_imm(in.a, r0, r1, r2)); break;
        case Form::Jal: as_.op32(encode_j(r0, i1)); break;
        case Form::LoadAddress: {
            // Always auipc + addi (never shortened), so that label positions stay put.
            std::uint64_t upper = v[1] & 0xfffff000u;
            const std::uint64_t lower = v[1] & 0xfffu;
            if (lower & 0x800) upper += 0x1000;
            as_.op32(encode_u(0x17, r0, upper));
            as_.addi(r0, r0, static_cast<std::int64_t>(lower));
            break;
        }
        case Form::LoadImmediate: as_.load_immediate(r0, i1); break;
        case Form::Fixed32: as_.op32(in.a); break;
        case Form::Fixed16: as_.op16(in.a); break;
        case Form::CompressedReg: as_.op16(encode_cr(in.a, r0, r1)); break;
        case Form::CompressedJump: as_.op16(encode_cr(in.a, r0, 0)); break;
        case Form::CompressedImm: as_.op16(encode_ci(in.a, in.b, r0, i1)); break;
        case Form::CompressedLui: as_.op16(encode_ci(1, 3, r0, static_cast<std::int64_t>(v[1] >> 12))); break;
        case Form::CompressedAlu: as_.op16(encode_ca(in.a, r0, r1)); break;
        case Form::CompressedAluImm: as_.op16(encode_cb_alu(in.a, r0, r1)); break;
        case Form::CompressedBranch: as_.op16(encode_cb_branch(in.a, r0, i1)); break;
        case Form::CompressedJ: as_.op16(encode_cj(in.a, static_cast<std::int64_t>(v[0]))); break;
        case Form::CompressedLoadStore: as_.op16(encode_c_lw_sw(in.a, r0, r2, r1)); break;
        case Form::LoadSp: as_.op16(encode_c_lwsp(r0, r1)); break;
        case Form::StoreSp: as_.op16(encode_c_swsp(r0, r1)); break;
        case Form::AddSp: as_.op16(encode_c_addi4spn(r0, r1)); break;
    }
}

}  // namespace

std::unique_ptr<InlineAsmDialect> make_rv32_inline_asm_dialect(NativeArch arch, unsigned arch_flags) {
    if (arch != NativeArch::RV32IMC) return nullptr;
    return std::make_unique<Rv32Dialect>(arch_flags);
}

}  // namespace mpy
