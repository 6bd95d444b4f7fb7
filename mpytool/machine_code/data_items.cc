#include <fmt/format.h>

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

}  // namespace mpy::machine_code
