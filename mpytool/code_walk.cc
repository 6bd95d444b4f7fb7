#include "mpytool/code_walk.h"

#include <map>

#include <fmt/format.h>

#include "common/diagnostics.h"

namespace mpy::tool {
namespace {

bool is_make_function(std::uint8_t opcode) {
    return opcode == op::MAKE_FUNCTION || opcode == op::MAKE_FUNCTION_DEFARGS ||
           opcode == op::MAKE_CLOSURE || opcode == op::MAKE_CLOSURE_DEFARGS;
}

void decode_bytecode(FunctionView& v) {
    const auto& code = v.rc->code;
    std::span<const std::uint8_t> bytes(code);
    for (std::size_t ip = v.prelude->offset_opcodes; ip < bytes.size();) {
        std::string error;
        auto insn = decode_instruction(bytes, ip, &error);
        if (!insn) {
            v.problems.push_back({ip, error});
            return;
        }
        v.instructions.push_back(*insn);
        ip += insn->length;
    }
}

// A native function's prelude is the last thing in its code.  When the one at the stored offset
// does not end there and the code is over 64 KiB, the offset may have been cut to 16 bits: look
// for the prelude that ends exactly at the end, 64 KiB steps further on.
std::optional<std::size_t> find_cut_native_prelude(const RawCode& rc) {
    const std::size_t stored = static_cast<std::size_t>(rc.prelude_offset);
    for (std::size_t start = stored + 0x10000; start < rc.code.size(); start += 0x10000) {
        try {
            if (parse_prelude(rc.code, start).offset_opcodes == rc.code.size()) return start;
        } catch (const DiagnosticError&) {
        }
    }
    return std::nullopt;
}

void analyse(FunctionView& v, const MpyModule& module) {
    const RawCode& rc = *v.rc;
    if (rc.kind == CodeKind::Bytecode || rc.kind == CodeKind::NativePy) {
        std::size_t start = rc.kind == CodeKind::NativePy ? static_cast<std::size_t>(rc.prelude_offset) : 0;
        std::optional<std::string> error;
        try {
            v.prelude = parse_prelude(rc.code, start);
        } catch (const DiagnosticError& e) {
            error = e.diagnostic().message;
        }
        const bool ends_code = v.prelude && v.prelude->offset_opcodes == rc.code.size();
        if (rc.kind == CodeKind::NativePy && rc.code.size() > 0xffff && !ends_code) {
            if (auto found = find_cut_native_prelude(rc)) {
                v.prelude_found_at = found;
                v.prelude = parse_prelude(rc.code, *found);
                error.reset();
            }
        }
        if (error) v.problems.push_back({start, *error});
    }
    if (v.prelude) {
        v.name = qstr_text(module, v.prelude->simple_name);
        try {
            auto table = std::span(rc.code).subspan(v.prelude->offset_line_info,
                                                    v.prelude->offset_closure_info - v.prelude->offset_line_info);
            v.lines = decode_line_info(table);
        } catch (const DiagnosticError& e) {
            v.problems.push_back({v.prelude->offset_line_info, e.diagnostic().message});
        }
        if (rc.kind == CodeKind::Bytecode) {
            decode_bytecode(v);
        }
    }
}

// Viper and asm code has no prelude, so no name of its own.  The parent usually stores the new
// function under its name right away (possibly after decorator calls): use that name.
std::string guess_name_from_parent(const MpyModule& module, const FunctionView& parent, std::size_t child) {
    const auto& insns = parent.instructions;
    for (std::size_t i = 0; i < insns.size(); ++i) {
        if (!is_make_function(insns[i].opcode) || insns[i].arg != static_cast<std::int64_t>(child)) continue;
        for (std::size_t k = i + 1; k < insns.size() && k < i + 6; ++k) {
            std::uint8_t opc = insns[k].opcode;
            if (opc == op::STORE_NAME || opc == op::STORE_GLOBAL) return qstr_text(module, insns[k].arg);
            if (opc != op::CALL_FUNCTION) break;
        }
    }
    return {};
}

}  // namespace

std::uint32_t FunctionView::line_of(std::size_t offset) const {
    if (!prelude || offset < prelude->offset_opcodes) return 0;
    return source_line_for(lines, offset - prelude->offset_opcodes);
}

std::string qstr_text(const MpyModule& module, std::uint64_t index) {
    if (index < module.qstrs.size()) return module.qstrs[static_cast<std::size_t>(index)];
    return fmt::format("<bad qstr {}>", index);
}

std::vector<FunctionView> walk_module(const MpyModule& module, const MpyLayout* layout) {
    std::vector<FunctionView> views;
    std::map<std::string, int> seen_names;
    // Explicit stack instead of recursion: the tree depth came from the file.
    struct Pending {
        const RawCode* rc;
        int depth;
        std::optional<std::size_t> parent;
        std::size_t child_number;
    };
    std::vector<Pending> stack{{&module.module, 0, std::nullopt, 0}};
    while (!stack.empty()) {
        Pending p = stack.back();
        stack.pop_back();
        FunctionView v;
        v.rc = p.rc;
        v.index = views.size();
        v.depth = p.depth;
        v.parent = p.parent;
        v.child_number = p.child_number;
        if (layout && v.index < layout->code_offsets.size()) v.file_offset = layout->code_offsets[v.index];
        analyse(v, module);
        if (v.name.empty() && p.parent) {
            v.name = guess_name_from_parent(module, views[*p.parent], p.child_number);
        }
        if (v.name.empty()) {
            v.name = p.parent ? fmt::format("<{} #{}>", code_kind_name(v.rc->kind), p.child_number) : "<module>";
        }
        std::string base = p.parent ? views[*p.parent].qualified_name + "." + v.name : v.name;
        int n = ++seen_names[base];
        v.qualified_name = n == 1 ? base : fmt::format("{}#{}", base, n);
        views.push_back(std::move(v));
        const auto& children = p.rc->children;
        for (std::size_t i = children.size(); i-- > 0;) {
            stack.push_back({&children[i], p.depth + 1, views.size() - 1, i});
        }
    }
    return views;
}

std::string describe_argument(const MpyModule& module, const FunctionView* self,
                              const std::vector<FunctionView>* views, const Instruction& insn) {
    if (!insn.has_arg || !insn.info) return {};
    switch (insn.info->arg) {
        case ArgKind::None:
            return {};
        case ArgKind::Embedded: {
            // LOAD_FAST k / STORE_FAST k carry the slot in the opcode: name it if it is an argument.
            bool fast = (insn.opcode >= op::LOAD_FAST_MULTI && insn.opcode < op::LOAD_FAST_MULTI + kFastMultiCount) ||
                        (insn.opcode >= op::STORE_FAST_MULTI && insn.opcode < op::STORE_FAST_MULTI + kFastMultiCount);
            if (fast && self && self->prelude && static_cast<std::uint64_t>(insn.arg) < self->prelude->arg_names.size()) {
                return fmt::format("({})", qstr_text(module, self->prelude->arg_names[static_cast<std::size_t>(insn.arg)]));
            }
            return {};
        }
        case ArgKind::Qstr:
            return fmt::format("'{}'", qstr_text(module, insn.arg));
        case ArgKind::ConstObj:
            if (insn.arg >= 0 && static_cast<std::uint64_t>(insn.arg) < module.constants.size()) {
                return constant_repr(module.constants[static_cast<std::size_t>(insn.arg)]);
            }
            return fmt::format("<bad constant {}>", insn.arg);
        case ArgKind::Child: {
            std::string out = fmt::format("child {}", insn.arg);
            if (self && views && insn.arg >= 0 && static_cast<std::uint64_t>(insn.arg) < self->rc->children.size()) {
                for (const auto& v : *views) {
                    if (v.parent == self->index && v.child_number == static_cast<std::size_t>(insn.arg)) {
                        out += " " + v.name;
                        break;
                    }
                }
            } else {
                out += " <missing>";
            }
            if (insn.extra) out += fmt::format(", {} closed-over", *insn.extra);
            return out;
        }
        case ArgKind::Local: {
            std::string out = fmt::format("{}", insn.arg);
            if (self && self->prelude && insn.arg >= 0 &&
                static_cast<std::uint64_t>(insn.arg) < self->prelude->arg_names.size()) {
                out += fmt::format(" ({})", qstr_text(module, self->prelude->arg_names[static_cast<std::size_t>(insn.arg)]));
            }
            return out;
        }
        case ArgKind::SmallInt:
        case ArgKind::Count:
            return fmt::format("{}", insn.arg);
        case ArgKind::PackedCounts:
            if (insn.opcode == op::UNPACK_EX) {
                return fmt::format("{} before *, {} after", insn.arg & 0xff, insn.arg >> 8);
            }
            return fmt::format("{} positional, {} keyword", insn.arg & 0xff, insn.arg >> 8);
        case ArgKind::StoreComp: {
            static constexpr const char* kKinds[] = {"list", "dict", "set", "?"};
            return fmt::format("{} at stack -{}", kKinds[insn.arg & 3], insn.arg >> 2);
        }
        case ArgKind::SignedJump:
        case ArgKind::UnsignedJump: {
            std::string out = fmt::format("-> {:#06x}", insn.jump_target);
            if (insn.opcode == op::UNWIND_JUMP && insn.extra) {
                out += fmt::format(", unwind {}{}", *insn.extra & 0x7f,
                                   (*insn.extra & kUnwindFromForBit) ? " from for" : "");
            }
            return out;
        }
    }
    return {};
}

std::vector<HandlerRange> handler_ranges(const FunctionView& view) {
    std::vector<HandlerRange> out;
    for (const auto& insn : view.instructions) {
        const char* kind = insn.opcode == op::SETUP_EXCEPT    ? "except"
                           : insn.opcode == op::SETUP_FINALLY ? "finally"
                           : insn.opcode == op::SETUP_WITH    ? "with"
                                                               : nullptr;
        if (!kind) continue;
        out.push_back({insn.offset, insn.offset + insn.length, static_cast<std::size_t>(insn.jump_target), kind});
    }
    return out;
}

}  // namespace mpy::tool
