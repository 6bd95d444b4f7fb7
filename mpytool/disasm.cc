#include "mpytool/disasm.h"

#include <fmt/format.h>

#include "common/diagnostics.h"
#include "mpytool/code_walk.h"
#include "mpytool/machine_listing.h"

namespace mpy::tool {
namespace {

std::string hex_bytes(std::span<const std::uint8_t> bytes) {
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i) out.push_back(' ');
        out += fmt::format("{:02x}", bytes[i]);
    }
    return out;
}

std::string scope_flags_text(std::uint64_t flags) {
    std::vector<std::string> names;
    if (flags & kScopeGenerator) names.push_back("generator");
    if (flags & kScopeVarKeywords) names.push_back("varkeywords");
    if (flags & kScopeVarArgs) names.push_back("varargs");
    if (flags & kScopeDefKwArgs) names.push_back("defkwargs");
    return names.empty() ? "-" : fmt::format("{}", fmt::join(names, ","));
}

void render_prelude(std::string& out, const MpyModule& m, const FunctionView& v) {
    const Prelude& p = *v.prelude;
    const auto& s = p.sig;
    out += fmt::format("  signature: n_state {}, n_exc_stack {}, flags {}, pos_args {}, kwonly_args {}, defaults {}\n",
                       s.n_state, s.n_exc_stack, scope_flags_text(s.scope_flags), s.n_pos_args, s.n_kwonly_args,
                       s.n_def_pos_args);
    std::vector<std::string> args;
    for (auto q : p.arg_names) args.push_back(qstr_text(m, q));
    out += fmt::format("  name: {}   args: [{}]\n", qstr_text(m, p.simple_name), fmt::join(args, ", "));
    std::span<const std::uint8_t> code(v.rc->code);
    out += fmt::format("  line table: [{}]\n",
                       hex_bytes(code.subspan(p.offset_line_info, p.offset_closure_info - p.offset_line_info)));
    if (p.size.n_cell) {
        std::vector<std::string> cells;
        for (std::size_t i = p.offset_closure_info; i < p.offset_opcodes; ++i) {
            cells.push_back(fmt::format("{}", code[i]));
        }
        out += fmt::format("  cells (local slots): [{}]\n", fmt::join(cells, ", "));
    }
}

void render_bytecode(std::string& out, const MpyModule& m, const FunctionView& v,
                     const std::vector<FunctionView>& views, const DisOptions& opts) {
    if (!v.prelude) return;
    for (const auto& h : handler_ranges(v)) {
        out += fmt::format("  handler: {:#06x}..{:#06x} -> {:#06x} ({}, set up at {:#06x})\n", h.start, h.handler,
                           h.handler, h.kind, h.setup_offset);
    }
    std::uint32_t last_line = 0;
    for (const auto& insn : v.instructions) {
        std::uint32_t line = v.line_of(insn.offset);
        if (line != last_line) {
            std::string text;
            if (opts.source) {
                auto sv = source_line(*opts.source, static_cast<int>(line));
                if (!sv.empty()) text = fmt::format("  {}", sv);
            }
            out += fmt::format("  line {}:{}\n", line, text);
            last_line = line;
        }
        std::string arg = describe_argument(m, &v, &views, insn);
        std::string name = opcode_name(insn.opcode);
        std::span<const std::uint8_t> raw(v.rc->code.data() + insn.offset, insn.length);
        std::string extra;
        if (insn.info && insn.info->arg == ArgKind::Qstr) extra = fmt::format("  (qstr {})", insn.arg);
        if (insn.info && insn.info->arg == ArgKind::ConstObj) extra = fmt::format("  (const {})", insn.arg);
        out += fmt::format("    {:#06x}  {:<14} {}{}{}{}\n", insn.offset, hex_bytes(raw), name, arg.empty() ? "" : " ",
                           arg, extra);
    }
}

void render_native(std::string& out, const MpyModule& m, const FunctionView& v,
                   const std::vector<FunctionView>& views, const DisOptions& opts) {
    const RawCode& rc = *v.rc;
    std::size_t machine_code_end = rc.kind == CodeKind::NativePy ? static_cast<std::size_t>(rc.prelude_offset)
                                                                 : rc.code.size();
    if (rc.kind == CodeKind::NativePy) {
        out += fmt::format("  machine code: {} bytes, prelude at {:#06x}\n", machine_code_end, rc.prelude_offset);
    } else {
        out += fmt::format("  machine code: {} bytes, scope flags {:#x}\n", rc.code.size(), rc.scope_flags);
    }
    if (rc.kind == CodeKind::NativeAsm) {
        out += fmt::format("  asm: {} positional args, type signature {:#x}\n", rc.asm_n_pos_args, rc.asm_type_sig);
    }
    std::span<const std::uint8_t> code(rc.code);
    auto machine_code = code.first(std::min(machine_code_end, code.size()));
    if (opts.raw) {
        out += hex_block(machine_code, 0, "    ");
    } else {
        out += render_machine_code(m, v, views, machine_code);
    }
    if (rc.kind == CodeKind::NativePy && v.prelude) {
        out += "  prelude bytes:\n";
        out += hex_block(code.subspan(machine_code_end), machine_code_end, "    ");
    }
    if (rc.scope_flags & kScopeViperRodata) {
        out += fmt::format("  rodata: {} bytes\n", rc.rodata.size());
        out += hex_block(rc.rodata, 0, "    ");
    }
    if (rc.scope_flags & kScopeViperBss) out += fmt::format("  bss: {} bytes\n", rc.bss_size);
    if (rc.scope_flags & kScopeViperReloc) {
        out += fmt::format("  relocations ({} entries):\n", rc.relocations.size());
        for (const auto& r : rc.relocations) {
            std::string where = r.has_address()
                                    ? fmt::format("at {} word {}", (r.address & 1) ? "rodata" : "text", r.address >> 1)
                                    : "at next word";
            out += fmt::format("    {} x{}: add address of {}\n", where, r.count, r.destination());
        }
    }
}

}  // namespace

std::string hex_block(std::span<const std::uint8_t> bytes, std::size_t base, const std::string& indent) {
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += 16) {
        out += fmt::format("{}{:04x}  {}\n", indent, base + i, hex_bytes(bytes.subspan(i, std::min<std::size_t>(16, bytes.size() - i))));
    }
    return out;
}

std::string render_dis(const LoadedMpy& f, const DisOptions& opts) {
    const MpyModule& m = f.module;
    auto views = walk_module(m, &f.layout);
    std::string out;
    std::string format = m.header.arch == NativeArch::None
                             ? fmt::format(".mpy version {}, bytecode only", m.header.version)
                             : fmt::format(".mpy version {}.{}, arch {}", m.header.version, m.header.sub_version,
                                           arch_name(m.header.arch));
    out += fmt::format("{}: source {}, {}\n", f.path, m.qstrs.empty() ? "<none>" : m.qstrs[0], format);
    for (const auto& v : views) {
        out += "\n";
        std::string where = v.file_offset ? fmt::format(" at file offset {:#x}", *v.file_offset) : "";
        out += fmt::format("{} ({}, {} bytes{}", v.qualified_name, code_kind_name(v.rc->kind), v.rc->code.size(), where);
        if (!v.rc->children.empty()) {
            std::vector<std::string> names;
            for (const auto& c : views) {
                if (c.parent == v.index) names.push_back(c.name);
            }
            out += fmt::format(", children [{}]", fmt::join(names, ", "));
        }
        out += ")\n";
        if (v.prelude) render_prelude(out, m, v);
        if (v.rc->kind == CodeKind::Bytecode) {
            render_bytecode(out, m, v, views, opts);
        } else {
            render_native(out, m, v, views, opts);
        }
        for (const auto& p : v.problems) {
            out += fmt::format("  !! at {:#06x}: {}\n", p.code_offset, p.message);
        }
    }
    return out;
}

}  // namespace mpy::tool
