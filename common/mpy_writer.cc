#include "common/mpy_writer.h"

#include <fmt/format.h>

#include "common/diagnostics.h"
#include "common/qstr_static.h"
#include "common/vuint.h"

namespace mpy {
namespace {

void append_bytes(std::string& out, const Bytes& bytes) {
    out.append(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

[[noreturn]] void unrepresentable(const std::string& what) {
    throw DiagnosticError(Diagnostic{"error", "cannot write .mpy: " + what, {}});
}

}  // namespace

void write_header(std::string& out, const ModuleHeader& h) {
    auto arch = static_cast<unsigned>(h.arch);
    if (arch > kFeatureArchMask) {
        unrepresentable(fmt::format("native arch {} does not fit the feature byte", arch));
    }
    if (h.sub_version > kFeatureSubVersionMask) {
        unrepresentable(fmt::format("sub-version {} does not fit the feature byte", h.sub_version));
    }
    std::uint8_t feature = static_cast<std::uint8_t>(arch << kFeatureArchShift | h.sub_version);
    if (h.arch_flags) {
        feature |= kFeatureArchFlagsPresent;
    }
    out.push_back(static_cast<char>(kMpyMagic));
    out.push_back(static_cast<char>(h.version));
    out.push_back(static_cast<char>(feature));
    out.push_back(static_cast<char>(h.small_int_bits));
    if (h.arch_flags) {
        vuint::append(out, *h.arch_flags);
    }
}

void write_qstr(std::string& out, const std::string& text) {
    if (auto index = qstr::static_index(text)) {
        vuint::append(out, std::uint64_t{*index} << 1 | kQstrStaticBit);
        return;
    }
    vuint::append(out, std::uint64_t{text.size()} << 1);
    out += text;
    out.push_back('\0');  // the runtime keeps qstr data NUL-terminated, so the file does too
}

void write_constant(std::string& out, const Constant& c) {
    out.push_back(static_cast<char>(c.tag));
    switch (c.tag) {
        case ObjTag::FunTable:
        case ObjTag::None:
        case ObjTag::False:
        case ObjTag::True:
        case ObjTag::Ellipsis:
            return;
        case ObjTag::Str:
        case ObjTag::Bytes:
            vuint::append(out, c.text.size());
            out += c.text;
            out.push_back('\0');
            return;
        case ObjTag::Int:
        case ObjTag::Float:
        case ObjTag::Complex:
            // Numbers are stored as text without a terminator.
            vuint::append(out, c.text.size());
            out += c.text;
            return;
        case ObjTag::Tuple:
            vuint::append(out, c.items.size());
            for (const auto& item : c.items) {
                write_constant(out, item);
            }
            return;
    }
    unrepresentable(fmt::format("unknown constant tag {}", static_cast<unsigned>(c.tag)));
}

void write_raw_code(std::string& out, const RawCode& rc) {
    std::uint64_t kind_len = std::uint64_t{rc.code.size()} << kRawCodeLengthShift |
                             (rc.children.empty() ? 0u : kRawCodeHasChildrenBit) |
                             static_cast<unsigned>(rc.kind);
    vuint::append(out, kind_len);
    append_bytes(out, rc.code);

    switch (rc.kind) {
        case CodeKind::Bytecode:
            break;
        case CodeKind::NativePy:
            vuint::append(out, rc.prelude_offset);
            break;
        case CodeKind::NativeViper:
            vuint::append(out, rc.scope_flags);
            if (rc.scope_flags & kScopeViperRodata) vuint::append(out, rc.rodata.size());
            if (rc.scope_flags & kScopeViperBss) vuint::append(out, rc.bss_size);
            if (rc.scope_flags & kScopeViperRodata) append_bytes(out, rc.rodata);
            break;
        case CodeKind::NativeAsm:
            vuint::append(out, rc.scope_flags);
            vuint::append(out, rc.asm_n_pos_args);
            vuint::append(out, rc.asm_type_sig);
            break;
    }

    if (!rc.children.empty()) {
        vuint::append(out, rc.children.size());
        for (const auto& child : rc.children) {
            write_raw_code(out, child);
        }
    }

    if (rc.kind == CodeKind::NativeViper && (rc.scope_flags & kScopeViperReloc)) {
        for (const auto& r : rc.relocations) {
            out.push_back(static_cast<char>(r.op));
            if (r.has_address()) vuint::append(out, r.address);
            if (r.has_count()) vuint::append(out, r.count);
        }
        out.push_back(static_cast<char>(0xff));
    }
}

std::string write_mpy(const MpyModule& m) {
    std::string out;
    write_header(out, m.header);
    vuint::append(out, m.qstrs.size());
    vuint::append(out, m.constants.size());
    for (const auto& q : m.qstrs) {
        write_qstr(out, q);
    }
    for (const auto& c : m.constants) {
        write_constant(out, c);
    }
    write_raw_code(out, m.module);
    return out;
}

}  // namespace mpy
