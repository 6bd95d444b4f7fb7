// x86, x64, A32 and Thumb through Capstone 4 (Debian's libcapstone-dev).  Capstone gives the text;
// its instruction details give the branch targets and the loads the annotator resolves.
#include <capstone/capstone.h>

#include <memory>
#include <set>

#include <fmt/format.h>

#include "mpytool/machine_code/disassembler.h"

namespace mpy::machine_code {
namespace {

// One Capstone handle, closed on every path out.
class CapstoneHandle {
public:
    CapstoneHandle(cs_arch arch, cs_mode mode) {
        if (cs_open(arch, mode, &handle_) != CS_ERR_OK) throw std::runtime_error("capstone: cs_open failed");
        cs_option(handle_, CS_OPT_DETAIL, CS_OPT_ON);
        if (arch == CS_ARCH_X86) cs_option(handle_, CS_OPT_SYNTAX, CS_OPT_SYNTAX_ATT);  // objdump's default
        insn_ = cs_malloc(handle_);
    }
    ~CapstoneHandle() {
        if (insn_) cs_free(insn_, 1);
        cs_close(&handle_);
    }
    CapstoneHandle(const CapstoneHandle&) = delete;
    CapstoneHandle& operator=(const CapstoneHandle&) = delete;

    csh get() const { return handle_; }
    cs_insn* insn() const { return insn_; }
    std::string reg(unsigned id) const {
        const char* name = cs_reg_name(handle_, id);
        return name ? name : "";
    }

private:
    csh handle_ = 0;
    cs_insn* insn_ = nullptr;
};

bool in_group(const cs_insn& insn, std::uint8_t group) {
    for (std::uint8_t i = 0; i < insn.detail->groups_count; ++i) {
        if (insn.detail->groups[i] == group) return true;
    }
    return false;
}

void fill_x86_facts(const CapstoneHandle& cs, const cs_insn& insn, Instruction& out) {
    const cs_x86& x = insn.detail->x86;
    if ((in_group(insn, CS_GRP_JUMP) || in_group(insn, CS_GRP_CALL)) && x.op_count == 1 &&
        x.operands[0].type == X86_OP_IMM) {
        out.branch_target = static_cast<std::uint32_t>(x.operands[0].imm);
        out.is_unconditional_jump = insn.id == X86_INS_JMP;
    }
    bool widening = insn.id == X86_INS_MOVZX || insn.id == X86_INS_MOVSX;
    if ((insn.id != X86_INS_MOV && !widening) || x.op_count != 2) return;
    const cs_x86_op* mem = nullptr;
    const cs_x86_op* reg = nullptr;
    for (int i = 0; i < 2; ++i) {
        if (x.operands[i].type == X86_OP_MEM) mem = &x.operands[i];
        if (x.operands[i].type == X86_OP_REG) reg = &x.operands[i];
    }
    if (!mem || !reg || !(reg->access & CS_AC_WRITE) || mem->mem.index != X86_REG_INVALID) return;
    out.load = MemoryLoad{cs.reg(reg->reg), cs.reg(mem->mem.base), mem->mem.disp, mem->size};
}

void fill_arm_facts(const CapstoneHandle& cs, const cs_insn& insn, Instruction& out, bool thumb) {
    const cs_arm& a = insn.detail->arm;
    bool is_branch = insn.id == ARM_INS_B || insn.id == ARM_INS_BL || insn.id == ARM_INS_CBZ ||
                     insn.id == ARM_INS_CBNZ || insn.id == ARM_INS_BLX;
    if (is_branch && a.op_count >= 1 && a.operands[a.op_count - 1].type == ARM_OP_IMM) {
        out.branch_target = static_cast<std::uint32_t>(a.operands[a.op_count - 1].imm);
        out.is_unconditional_jump = insn.id == ARM_INS_B && a.cc == ARM_CC_AL;
    }
    if (insn.id == ARM_INS_MOV && a.op_count == 2 && a.operands[0].type == ARM_OP_REG && a.operands[1].type == ARM_OP_REG) {
        out.add_immediate = AddImmediate{cs.reg(a.operands[0].reg), cs.reg(a.operands[1].reg), 0};
    }
    if (insn.id == ARM_INS_ADD && a.op_count >= 2 && a.operands[0].type == ARM_OP_REG &&
        a.operands[a.op_count - 1].type == ARM_OP_IMM) {
        unsigned source = a.op_count == 3 && a.operands[1].type == ARM_OP_REG ? a.operands[1].reg : a.operands[0].reg;
        out.add_immediate = AddImmediate{cs.reg(a.operands[0].reg), cs.reg(source), a.operands[a.op_count - 1].imm};
    }
    int width = insn.id == ARM_INS_LDR ? 4 : insn.id == ARM_INS_LDRH ? 2 : insn.id == ARM_INS_LDRB ? 1 : 0;
    if (!width || a.op_count != 2 || a.operands[0].type != ARM_OP_REG || a.operands[1].type != ARM_OP_MEM) return;
    const arm_op_mem& m = a.operands[1].mem;
    if (m.index != ARM_REG_INVALID) return;
    std::int64_t disp = a.operands[1].subtracted ? -static_cast<std::int64_t>(m.disp) : m.disp;
    if (m.base == ARM_REG_PC) {
        std::uint32_t pc = static_cast<std::uint32_t>(insn.address) + (thumb ? 4 : 8);
        out.literal_address = static_cast<std::uint32_t>((pc & ~3u) + disp);
        return;
    }
    out.load = MemoryLoad{cs.reg(a.operands[0].reg), cs.reg(m.base), disp, width};
}

// Decodes code[start..] (addresses are offsets in `code`); `data_unit` is how many bytes an
// undecodable item takes.
std::vector<Instruction> run(cs_arch arch, cs_mode mode, std::span<const std::uint8_t> code, unsigned data_unit,
                             std::uint32_t start = 0) {
    CapstoneHandle cs(arch, mode);
    std::vector<Instruction> out;
    const std::uint8_t* p = code.data() + start;
    std::size_t left = code.size() - start;
    std::uint64_t address = start;
    while (left > 0) {
        const std::uint8_t* before = p;
        if (cs_disasm_iter(cs.get(), &p, &left, &address, cs.insn())) {
            const cs_insn& insn = *cs.insn();
            Instruction item;
            item.offset = static_cast<std::uint32_t>(insn.address);
            item.size = insn.size;
            item.mnemonic = insn.mnemonic;
            item.operands = insn.op_str;
            if (arch == CS_ARCH_X86) {
                fill_x86_facts(cs, insn, item);
            } else {
                fill_arm_facts(cs, insn, item, mode & CS_MODE_THUMB);
            }
            out.push_back(std::move(item));
            continue;
        }
        // Not an instruction Capstone knows: show one unit of the ISA as data and go on.
        std::uint32_t at = static_cast<std::uint32_t>(before - code.data());
        unsigned unit = std::min<std::size_t>(data_unit, code.size() - at);
        Instruction item;
        item.offset = at;
        item.size = unit;
        item.is_data = true;
        item.undecodable = true;
        std::uint32_t value = 0;
        for (unsigned i = 0; i < unit; ++i) value |= static_cast<std::uint32_t>(code[at + i]) << (8 * i);
        item.mnemonic = unit == 4 ? ".word" : unit == 2 ? ".short" : ".byte";
        item.operands = fmt::format("{:#0{}x}", value, 2 + 2 * unit);
        out.push_back(std::move(item));
        p = before + unit;
        left = code.size() - at - unit;
        address = at + unit;
    }
    return out;
}

// armv6m's and A32's emitters load 32-bit constants as "ldr rN, [pc, #k]; b over; .word value", and
// asm_thumb's data() is jumped over the same way: a linear sweep would decode them as instructions.
// Longer gaps that decode stay code: exception handlers are reached through computed addresses.
std::vector<Instruction> with_inline_data(std::span<const std::uint8_t> code, cs_mode mode, std::uint32_t start,
                                          unsigned data_unit) {
    constexpr std::uint32_t kLiteralGap = 8;
    return with_jumped_over_data(code, start, kLiteralGap,
                                 [&](std::uint32_t from) { return run(CS_ARCH_ARM, mode, code, data_unit, from); });
}

std::vector<Instruction> with_header(std::span<const std::uint8_t> code, std::uint32_t start,
                                     std::vector<Instruction> decoded) {
    std::vector<Instruction> out;
    append_data(out, code, 0, start);
    out.insert(out.end(), decoded.begin(), decoded.end());
    return out;
}

}  // namespace

std::vector<Instruction> disassemble_x86(std::span<const std::uint8_t> code, bool x64, std::uint32_t start) {
    return with_header(code, start, run(CS_ARCH_X86, x64 ? CS_MODE_64 : CS_MODE_32, code, 1, start));
}

std::vector<Instruction> disassemble_arm(std::span<const std::uint8_t> code, std::uint32_t start) {
    return with_inline_data(code, CS_MODE_ARM, start, 4);
}

std::vector<Instruction> disassemble_thumb(std::span<const std::uint8_t> code, std::uint32_t start) {
    auto mode = static_cast<cs_mode>(CS_MODE_THUMB | CS_MODE_MCLASS);
    return with_inline_data(code, mode, start, 2);
}

}  // namespace mpy::machine_code
