#include <fmt/format.h>

#include <set>

#include "mpytool/machine_code/disassembler.h"

namespace mpy::machine_code {

void append_data(std::vector<Instruction>& out, std::span<const std::uint8_t> code, std::uint32_t from,
                 std::uint32_t to) {
    to = std::min<std::uint32_t>(to, static_cast<std::uint32_t>(code.size()));
    std::uint32_t at = from;
    while (at < to) {
        Instruction item;
        item.offset = at;
        item.is_data = true;
        if (at % 4 == 0 && to - at >= 4) {
            std::uint32_t word = code[at] | code[at + 1] << 8 | code[at + 2] << 16 | static_cast<std::uint32_t>(code[at + 3]) << 24;
            item.size = 4;
            item.mnemonic = ".word";
            item.operands = fmt::format("{:#010x}", word);
        } else {
            item.size = 1;
            item.mnemonic = ".byte";
            item.operands = fmt::format("{:#04x}", code[at]);
        }
        at += item.size;
        out.push_back(std::move(item));
    }
}

std::vector<Instruction> disassemble(NativeArch arch, std::span<const std::uint8_t> code, std::uint32_t start) {
    start = std::min<std::uint32_t>(start, static_cast<std::uint32_t>(code.size()));
    switch (arch) {
        case NativeArch::X86: return disassemble_x86(code, false, start);
        case NativeArch::X64: return disassemble_x86(code, true, start);
        case NativeArch::ArmV6: return disassemble_arm(code, start);
        case NativeArch::ArmV6M:
        case NativeArch::ArmV7M:
        case NativeArch::ArmV7EM:
        case NativeArch::ArmV7EMSP:
        case NativeArch::ArmV7EMDP: return disassemble_thumb(code, start);
        case NativeArch::Xtensa:
        case NativeArch::XtensaWin: return disassemble_xtensa(code, start);
        case NativeArch::RV32IMC: return disassemble_rv32(code, start);
        default: break;
    }
    std::vector<Instruction> out;
    append_data(out, code, 0, static_cast<std::uint32_t>(code.size()));
    return out;
}

std::vector<Instruction> with_jumped_over_data(std::span<const std::uint8_t> code, std::uint32_t start,
                                               std::uint32_t max_literal_gap, const Sweep& sweep) {
    auto first_sweep = sweep(start);
    std::set<std::uint32_t> targets;
    for (const auto& insn : first_sweep) {
        if (insn.branch_target) targets.insert(*insn.branch_target);
    }
    auto undecodable_in = [&](std::uint32_t from, std::uint32_t to) {
        for (const auto& insn : first_sweep) {
            if (insn.offset >= from && insn.offset < to && insn.undecodable) return true;
        }
        return false;
    };
    std::vector<Instruction> out;
    append_data(out, code, 0, start);
    for (bool first = true;; first = false) {
        auto decoded = first ? first_sweep : sweep(start);
        bool skipped_data = false;
        for (const auto& insn : decoded) {
            out.push_back(insn);
            std::uint32_t gap_start = insn.offset + insn.size;
            if (!insn.is_unconditional_jump || !insn.branch_target || *insn.branch_target <= gap_start ||
                *insn.branch_target > code.size()) {
                continue;
            }
            std::uint32_t gap_end = *insn.branch_target;
            auto landing = targets.lower_bound(gap_start);
            if (landing != targets.end() && *landing < gap_end) continue;
            if (gap_end - gap_start > max_literal_gap && !undecodable_in(gap_start, gap_end)) continue;
            append_data(out, code, gap_start, gap_end);
            start = gap_end;  // decode again from there: the sweep through data may be misaligned
            skipped_data = true;
            break;
        }
        if (!skipped_data || start >= code.size()) return out;
    }
}

}  // namespace mpy::machine_code
