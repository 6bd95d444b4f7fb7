#include "mpytool/merge.h"

#include <map>

#include <fmt/format.h>

#include "common/diagnostics.h"
#include "common/mpy_writer.h"
#include "common/opcodes.h"
#include "common/vuint.h"

namespace mpy::tool {
namespace {

[[noreturn]] void merge_error(std::string msg) { throw DiagnosticError(Diagnostic{"error", std::move(msg), {}}); }

// An instruction being re-laid out: its (possibly changed) argument and, for jumps, the index
// of the instruction it jumps to.
struct Item {
    std::uint8_t opcode = 0;
    OpFormat format = OpFormat::Byte;
    std::int64_t arg = 0;
    std::optional<std::uint8_t> extra;
    std::size_t target = 0;  // jumps: index into the item list
    std::size_t offset = 0;  // current position in the output
};

// Encodes one item at its current offset, given the current offsets of all items.  Returns false
// if a jump no longer fits even its two-byte form.
bool encode_item(const Item& it, const std::vector<Item>& items, Bytes& out) {
    out.push_back(it.opcode);
    bool ok = true;
    if (it.format == OpFormat::Qstr || it.format == OpFormat::VarUint) {
        if (it.opcode == op::LOAD_CONST_SMALL_INT) {
            vuint::append_signed(out, it.arg);
        } else {
            vuint::append(out, static_cast<std::uint64_t>(it.arg));
        }
    } else if (it.format == OpFormat::Offset) {
        bool is_signed = opcode_jump_is_signed(it.opcode);
        // Relative to the end of a one-byte offset field; the two-byte form is one further.
        std::int64_t rel = static_cast<std::int64_t>(items[it.target].offset) - static_cast<std::int64_t>(it.offset) - 2;
        if ((is_signed && rel >= -64 && rel <= 63) || (!is_signed && rel <= 127)) {
            std::int64_t v = is_signed ? rel + 0x40 : rel;
            ok = v >= 0 && v <= 0x7f;
            out.push_back(static_cast<std::uint8_t>(v & 0x7f));
        } else {
            std::int64_t v = rel - 1 + (is_signed ? 0x4000 : 0);
            ok = v >= 0 && v <= 0x7fff;
            out.push_back(static_cast<std::uint8_t>(0x80 | (v & 0x7f)));
            out.push_back(static_cast<std::uint8_t>((v >> 7) & 0xff));
        }
    }
    if (it.extra) out.push_back(*it.extra);
    return ok;
}

Bytes rebase_opcodes(std::span<const std::uint8_t> code, std::size_t start, std::uint64_t qstr_base, std::uint64_t obj_base) {
    std::vector<Item> items;
    std::map<std::size_t, std::size_t> index_at;
    std::vector<std::int64_t> targets;
    for (std::size_t ip = start; ip < code.size();) {
        std::string error;
        auto insn = decode_instruction(code, ip, &error);
        if (!insn) merge_error("cannot rewrite bytecode: " + error);
        Item it;
        it.opcode = insn->opcode;
        it.format = opcode_format(insn->opcode);
        it.arg = insn->arg;
        it.extra = insn->extra;
        it.offset = ip - start;
        if (it.format == OpFormat::Qstr) it.arg += static_cast<std::int64_t>(qstr_base);
        if (it.opcode == op::LOAD_CONST_OBJ) it.arg += static_cast<std::int64_t>(obj_base);
        index_at[ip] = items.size();
        targets.push_back(insn->jump_target);
        items.push_back(it);
        ip += insn->length;
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].format != OpFormat::Offset) continue;
        auto found = index_at.find(static_cast<std::size_t>(targets[i]));
        if (targets[i] < 0 || found == index_at.end()) {
            merge_error(fmt::format("cannot rewrite bytecode: jump at {:#x} does not land on an instruction", items[i].offset));
        }
        items[i].target = found->second;
    }
    // Lay out again until no instruction moves (a jump growing to two bytes moves the rest).
    Bytes out;
    for (bool moved = true; moved;) {
        moved = false;
        bool overflow = false;
        out.clear();
        for (auto& it : items) {
            if (it.offset != out.size()) {
                moved = true;
                it.offset = out.size();
            }
            if (!encode_item(it, items, out)) overflow = true;
        }
        if (!moved && overflow) merge_error("bytecode overflow: a rewritten jump does not fit");
    }
    return out;
}

}  // namespace

RawCode rebase_raw_code(const RawCode& rc, std::uint64_t qstr_base, std::uint64_t obj_base, bool drop_line_info) {
    if (rc.kind != CodeKind::Bytecode) {
        merge_error("can only rewrite bytecode: native code's table indices are fixed in its machine code");
    }
    Prelude p = parse_prelude(rc.code);
    std::span<const std::uint8_t> code(rc.code);

    Bytes source_info;
    vuint::append(source_info, qstr_base + p.simple_name);
    for (auto q : p.arg_names) vuint::append(source_info, qstr_base + q);
    if (!drop_line_info) {
        auto lines = code.subspan(p.offset_line_info, p.offset_closure_info - p.offset_line_info);
        source_info.insert(source_info.end(), lines.begin(), lines.end());
    }
    auto closure = code.subspan(p.offset_closure_info, p.offset_opcodes - p.offset_closure_info);

    RawCode out;
    out.kind = CodeKind::Bytecode;
    out.code.assign(code.begin(), code.begin() + static_cast<std::ptrdiff_t>(p.offset_size));  // signature as is
    encode_prelude_size({static_cast<std::uint32_t>(source_info.size()), static_cast<std::uint32_t>(closure.size())}, out.code);
    out.code.insert(out.code.end(), source_info.begin(), source_info.end());
    out.code.insert(out.code.end(), closure.begin(), closure.end());
    Bytes ops = rebase_opcodes(code, p.offset_opcodes, qstr_base, obj_base);
    out.code.insert(out.code.end(), ops.begin(), ops.end());
    for (const auto& child : rc.children) {
        out.children.push_back(rebase_raw_code(child, qstr_base, obj_base, drop_line_info));
    }
    return out;
}

std::string merge_mpy(const std::vector<LoadedMpy>& inputs, const MergeOptions& options) {
    if (inputs.empty()) merge_error("nothing to merge");
    if (inputs.size() == 1) return inputs[0].bytes;

    // mpy-tool takes the arch from whichever inputs name one (they must agree) and the
    // small-int bits from the last input.
    NativeArch arch = NativeArch::None;
    for (const auto& f : inputs) {
        NativeArch a = f.module.header.arch;
        if (a == NativeArch::None) continue;
        if (arch != NativeArch::None && a != arch) merge_error(fmt::format("{}: native architecture mismatch", f.path));
        arch = a;
    }
    std::vector<const LoadedMpy*> order;
    std::optional<std::size_t> native_index;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        if (inputs[i].module.header.arch == NativeArch::None) continue;
        if (native_index) merge_error("can't merge files when more than one contains native code");
        native_index = i;
    }
    if (native_index) order.push_back(&inputs[*native_index]);
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        if (!native_index || i != *native_index) order.push_back(&inputs[i]);
    }
    std::uint64_t arch_flags = native_index ? inputs[*native_index].module.header.arch_flags.value_or(0) : 0;
    if (options.arch_flags) arch_flags = *options.arch_flags;

    MpyModule merged;
    merged.header = make_header(arch, arch != NativeArch::None, inputs.back().module.header.small_int_bits,
                                arch != NativeArch::None ? arch_flags : 0);
    for (const auto* f : order) {
        merged.qstrs.insert(merged.qstrs.end(), f->module.qstrs.begin(), f->module.qstrs.end());
        merged.constants.insert(merged.constants.end(), f->module.constants.begin(), f->module.constants.end());
    }

    // The new outer module: run each input's module in turn, then return None.  Its name is
    // qstr 0, the first input's source file.
    RawCode& top = merged.module;
    top.kind = CodeKind::Bytecode;
    encode_prelude_signature({}, top.code);  // n_state 1, nothing else
    encode_prelude_size({1, 0}, top.code);
    top.code.push_back(0);  // simple name: qstr 0
    for (std::size_t i = 0; i < order.size(); ++i) {
        top.code.push_back(op::MAKE_FUNCTION);
        vuint::append(top.code, i);
        top.code.push_back(op::CALL_FUNCTION);
        top.code.push_back(0);
        top.code.push_back(op::POP_TOP);
    }
    top.code.push_back(op::LOAD_CONST_NONE);
    top.code.push_back(op::RETURN_VALUE);

    std::uint64_t qstr_base = 0, obj_base = 0;
    for (const auto* f : order) {
        if (qstr_base == 0 && obj_base == 0) {
            top.children.push_back(f->module.module);
        } else {
            top.children.push_back(rebase_raw_code(f->module.module, qstr_base, obj_base, options.drop_line_info));
        }
        qstr_base += f->module.qstrs.size();
        obj_base += f->module.constants.size();
    }
    return write_mpy(merged);
}

}  // namespace mpy::tool
