#include "mpytool/info.h"

#include <fmt/format.h>

#include "common/diagnostics.h"
#include "common/qstr_static.h"
#include "mpytool/code_walk.h"

namespace mpy::tool {
namespace {

std::string flag_names(std::uint32_t flags) {
    std::string out;
    auto add = [&](std::uint32_t bit, const char* name) {
        if (flags & bit) out += out.empty() ? name : std::string(",") + name;
    };
    add(kScopeGenerator, "generator");
    add(kScopeVarArgs, "*args");
    add(kScopeVarKeywords, "**kwargs");
    add(kScopeDefKwArgs, "kw-defaults");
    return out;
}

std::string tag_name(ObjTag t) {
    switch (t) {
        case ObjTag::FunTable: return "fun-table";
        case ObjTag::None: return "None";
        case ObjTag::False:
        case ObjTag::True: return "bool";
        case ObjTag::Ellipsis: return "ellipsis";
        case ObjTag::Str: return "str";
        case ObjTag::Bytes: return "bytes";
        case ObjTag::Int: return "int";
        case ObjTag::Float: return "float";
        case ObjTag::Complex: return "complex";
        case ObjTag::Tuple: return "tuple";
    }
    return "?";
}

std::string describe_signature(const MpyModule& m, const FunctionView& v) {
    if (!v.prelude) return {};
    const auto& p = *v.prelude;
    std::vector<std::string> args;
    for (std::size_t i = 0; i < p.arg_names.size(); ++i) {
        std::string a = qstr_text(m, p.arg_names[i]);
        if (i == p.sig.n_pos_args) args.push_back("*");
        args.push_back(a);
    }
    // Defaults belong to the last n_def_pos_args positional arguments.
    for (std::uint32_t d = 0; d < p.sig.n_def_pos_args && d < p.sig.n_pos_args && d < args.size(); ++d) {
        args[p.sig.n_pos_args - 1 - d] += "=";
    }
    std::string out = "(" + fmt::format("{}", fmt::join(args, ", ")) + ")";
    std::string flags = flag_names(p.sig.scope_flags);
    if (!flags.empty()) out += " [" + flags + "]";
    return out;
}

}  // namespace

std::string arch_boards(NativeArch arch) {
    switch (arch) {
        case NativeArch::None: return "any port";
        case NativeArch::X86: return "32-bit x86 unix/windows builds";
        case NativeArch::X64: return "x86-64 unix/windows builds";
        case NativeArch::ArmV6: return "ARMv6 (classic ARM) ports, e.g. Raspberry Pi Zero unix builds";
        case NativeArch::ArmV6M: return "every ARM Cortex-M port (Thumb runtimes accept armv6m up to their own arch): RP2040, SAMD21, nRF51";
        case NativeArch::ArmV7M: return "Cortex-M3 and later Cortex-M ports (armv7m..armv7emdp runtimes): STM32F1/F2/L1";
        case NativeArch::ArmV7EM: return "Cortex-M4/M7 ports without FPU use (armv7em..armv7emdp runtimes)";
        case NativeArch::ArmV7EMSP: return "Cortex-M4F/M33 ports: STM32F4/L4/WB, nRF52, SAMD51, RP2350 (ARM); armv7emdp runtimes too";
        case NativeArch::ArmV7EMDP: return "Cortex-M7 double-precision ports: STM32F7/H7, i.MX RT (mimxrt)";
        case NativeArch::Xtensa: return "ESP8266";
        case NativeArch::XtensaWin: return "ESP32, ESP32-S2, ESP32-S3";
        case NativeArch::RV32IMC: return "RISC-V 32-bit ports: ESP32-C3/C6, RP2350 (RISC-V)";
        case NativeArch::RV64IMC: return "RISC-V 64-bit ports (qemu rv64)";
        case NativeArch::Debug: return "no board (mpy-cross -march=debug output is a trace, not code)";
    }
    return "unknown architecture";
}

std::vector<std::string> describe_compatibility(const ModuleHeader& h, bool has_native) {
    std::vector<std::string> out;
    bool native_header = h.arch != NativeArch::None;
    if (h.version != kMpyVersion) {
        out.push_back(fmt::format("written for {}; MicroPython 1.27 rejects it ('incompatible .mpy file')",
                                  mpy_version_releases(h.version, h.sub_version)));
        return out;
    }
    if (!native_header) {
        // Bytecode-only: the loader ignores the sub-version.
        out.push_back("releases: MicroPython 1.19 and later (every .mpy v6 runtime; the sub-version is "
                      "ignored for bytecode-only files)");
        out.push_back("boards: any port with .mpy import enabled");
    } else if (h.sub_version != kMpySubVersion) {
        out.push_back(fmt::format("releases: {} (native code needs the exact sub-version 6.{})",
                                  mpy_version_releases(h.version, h.sub_version), h.sub_version));
    } else {
        out.push_back("releases: MicroPython 1.23 and later (native code needs sub-version 6.3 exactly)");
    }
    if (native_header) {
        out.push_back(fmt::format("boards: {} ({})", arch_name(h.arch).empty() ? "?" : arch_name(h.arch),
                                  arch_boards(h.arch)));
        if (!has_native) out.push_back("note: the header names an arch but no function is native code");
    } else if (has_native) {
        out.push_back("PROBLEM: native code in a file whose header names no arch: no runtime can load it safely");
    }
    if (h.arch_flags) {
        std::string ext = (*h.arch_flags & 1) ? " (zba)" : "";
        out.push_back(fmt::format("arch flags: {:#x}{}; the runtime must support these extensions", *h.arch_flags, ext));
    }
    out.push_back(fmt::format("small ints: needs at least {} bits (31 on 32-bit ports, 63 on 64-bit ports)",
                              h.small_int_bits));
    return out;
}

std::optional<std::string> render_foreign_header(const std::string& bytes, const std::string& path) {
    RawHeader h;
    try {
        h = peek_header(std::span(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()), path);
    } catch (const DiagnosticError&) {
        return std::nullopt;
    }
    if (h.version == kMpyVersion) return std::nullopt;
    std::string out = fmt::format("file: {} ({} bytes)\n", path, bytes.size());
    out += fmt::format("format: .mpy version {} (written by {}), feature byte {:#04x}, small int bits {}\n", h.version,
                       mpy_version_releases(h.version, 0), h.feature, h.small_int_bits);
    out += "MicroPython 1.27 cannot import it ('incompatible .mpy file'): recompile the source with mpyc or mpy-cross 1.23+\n";
    return out;
}

std::string render_info(const LoadedMpy& f) {
    const MpyModule& m = f.module;
    const ModuleHeader& h = m.header;
    auto views = walk_module(m, &f.layout);
    bool has_native = contains_native(m.module);
    std::string out;
    out += fmt::format("file: {} ({} bytes)\n", f.path, f.bytes.size());
    if (h.arch == NativeArch::None) {
        out += fmt::format("format: .mpy version {}, bytecode only (no arch, sub-version not stored), small int bits {}\n",
                           h.version, h.small_int_bits);
    } else {
        out += fmt::format("format: .mpy version {}.{}, arch {}, small int bits {}\n", h.version, h.sub_version,
                           arch_name(h.arch).empty() ? fmt::format("#{}", static_cast<unsigned>(h.arch)) : std::string(arch_name(h.arch)),
                           h.small_int_bits);
    }
    out += fmt::format("source file: {}\n", m.qstrs.empty() ? std::string("<none>") : m.qstrs[0]);
    for (const auto& line : describe_compatibility(h, has_native)) out += line + "\n";
    if (f.layout.end < f.bytes.size()) {
        out += fmt::format("trailing data: {} bytes after the module (ignored by the loader)\n",
                           f.bytes.size() - f.layout.end);
    }

    out += fmt::format("\nqstr table ({} entries, at file offset {:#x}):\n", m.qstrs.size(), f.layout.qstr_table);
    for (std::size_t i = 0; i < m.qstrs.size(); ++i) {
        auto s = qstr::static_index(m.qstrs[i]);
        out += fmt::format("  {:4}  {}{}\n", i, constant_repr(Constant::str(m.qstrs[i])),
                           s ? fmt::format("  (static {})", *s) : "");
    }
    out += fmt::format("\nconstant table ({} entries, at file offset {:#x}):\n", m.constants.size(), f.layout.obj_table);
    for (std::size_t i = 0; i < m.constants.size(); ++i) {
        out += fmt::format("  {:4}  {:9} {}\n", i, tag_name(m.constants[i].tag), constant_repr(m.constants[i]));
    }

    std::size_t total = 0;
    for (const auto& v : views) total += v.rc->code.size();
    out += fmt::format("\nfunctions ({} raw codes, {} bytes of code):\n", views.size(), total);
    for (const auto& v : views) {
        std::string label = std::string(2 * v.depth, ' ') + v.name;
        std::string sig = describe_signature(m, v);
        std::string extra;
        if (v.prelude) {
            extra += fmt::format(" stack {}", v.prelude->sig.n_state);
            if (v.rc->kind == CodeKind::Bytecode) extra += fmt::format(" line {}", source_line_for(v.lines, 0));
        }
        if (v.rc->kind == CodeKind::NativeAsm) extra += fmt::format(" args {}", v.rc->asm_n_pos_args);
        if (!v.rc->children.empty()) extra += fmt::format(" children {}", v.rc->children.size());
        out += fmt::format("  {:<28} {:8} {:6} bytes{}{}{}\n", label, code_kind_name(v.rc->kind), v.rc->code.size(),
                           sig.empty() ? "" : " ", sig, extra);
    }
    return out;
}

}  // namespace mpy::tool
