#include "mpytool/machine_listing.h"

#include <map>

#include <fmt/format.h>

#include "mpytool/machine_code/annotate.h"
#include "mpytool/machine_code/disassembler.h"

namespace mpy::tool {
namespace {

// Bytes of one row; long x86 instructions continue on the next rows, as objdump does.
constexpr std::size_t kBytesPerRow = 8;

std::string quoted_qstr(const MpyModule& m, std::size_t index) {
    if (index >= m.qstrs.size()) return fmt::format("#{} (outside the qstr table)", index);
    return fmt::format("'{}'", m.qstrs[index]);
}

}  // namespace

std::string render_machine_code(const MpyModule& m, const FunctionView& v, const std::vector<FunctionView>& views,
                                std::span<const std::uint8_t> machine_code) {
    // A native (not viper) function's code starts with data words: the index of its prelude among
    // the children, and for a generator the offset where its code resumes.
    std::uint32_t header = 0;
    if (v.rc->kind == CodeKind::NativePy) {
        std::uint32_t word = m.header.arch == NativeArch::X64 ? 8 : 4;
        bool generator = v.prelude && (v.prelude->sig.scope_flags & kScopeGenerator);
        header = word * (generator ? 2 : 1);
    }
    auto insns = machine_code::disassemble(m.header.arch, machine_code, header);
    machine_code::ModuleNames names;
    names.qstr = [&](std::size_t i) { return quoted_qstr(m, i); };
    names.constant = [&](std::size_t i) {
        if (i >= m.constants.size()) return fmt::format("#{} (outside the constant table)", i);
        return fmt::format("#{} {}", i, constant_repr(m.constants[i]));
    };
    names.child = [&](std::size_t i) {
        for (const auto& c : views) {
            if (c.parent == v.index && c.child_number == i) return fmt::format("#{} {}", i, c.qualified_name);
        }
        return fmt::format("#{} (no such child)", i);
    };
    machine_code::annotate(m.header.arch, insns, machine_code, names, v.rc->kind != CodeKind::NativeAsm);

    std::map<std::uint32_t, std::string> labels;
    for (const auto& insn : insns) {
        if (insn.branch_target && *insn.branch_target < machine_code.size()) labels[*insn.branch_target];
    }
    int n = 0;
    for (auto& [offset, name] : labels) name = fmt::format(".L{}", n++);

    std::string out;
    for (const auto& insn : insns) {
        if (auto l = labels.find(insn.offset); l != labels.end()) out += fmt::format("  {}:\n", l->second);
        std::string operands = insn.operands;
        if (insn.branch_target) {
            auto l = labels.find(*insn.branch_target);
            operands += l != labels.end() ? fmt::format(" <{}>", l->second) : " <outside the code>";
        }
        std::string text = fmt::format("{:<8}{}", insn.mnemonic, operands.empty() ? "" : " " + operands);
        while (!text.empty() && text.back() == ' ') text.pop_back();
        std::string comment = insn.undecodable ? "unknown instruction" : insn.comment;
        if (!comment.empty()) text = fmt::format("{:<40} ; {}", text, comment);
        auto bytes = machine_code.subspan(insn.offset, std::min<std::size_t>(insn.size, machine_code.size() - insn.offset));
        for (std::size_t row = 0; row < bytes.size() || row == 0; row += kBytesPerRow) {
            std::string hex;
            for (std::size_t i = row; i < std::min(bytes.size(), row + kBytesPerRow); ++i) {
                hex += fmt::format("{:02x} ", bytes[i]);
            }
            if (row == 0) {
                out += fmt::format("    {:4x}:  {:<24}{}\n", insn.offset, hex, text);
            } else {
                out += fmt::format("    {:4x}:  {}\n", insn.offset + row, hex);
            }
        }
    }
    return out;
}

}  // namespace mpy::tool
