#include "compiler/bytecode/emit_bytecode.h"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "common/diagnostics.h"
#include "common/opcodes.h"
#include "common/vuint.h"

namespace mpy {

// ---- RecordedCode ------------------------------------------------------------------------------

void RecordedCode::append_bytes(const std::uint8_t* data, std::size_t n) {
    if (n == 0) return;
    bytes_.insert(bytes_.end(), data, data + n);
    // Consecutive fixed bytes share one item: the layout passes only need their total length.
    if (!items_.empty() && items_.back().kind == RecordedItem::Kind::Bytes) {
        items_.back().value += static_cast<std::uint32_t>(n);
        return;
    }
    RecordedItem item;
    item.kind = RecordedItem::Kind::Bytes;
    item.value = static_cast<std::uint32_t>(n);
    items_.push_back(item);
}

void RecordedCode::append_jump(std::uint8_t opcode, std::uint32_t label) {
    RecordedItem item;
    item.kind = RecordedItem::Kind::Jump;
    item.opcode = opcode;
    item.value = label;
    items_.push_back(item);
    label_count_ = std::max(label_count_, label + 1);
}

void RecordedCode::append_jump(std::uint8_t opcode, std::uint32_t label, std::uint8_t extra) {
    append_jump(opcode, label);
    items_.back().has_extra = true;
    items_.back().extra = extra;
}

void RecordedCode::append_label(std::uint32_t label) {
    RecordedItem item;
    item.kind = RecordedItem::Kind::Label;
    item.value = label;
    items_.push_back(item);
    label_count_ = std::max(label_count_, label + 1);
}

void RecordedCode::append_line(std::uint32_t line) {
    RecordedItem item;
    item.kind = RecordedItem::Kind::Line;
    item.value = line;
    items_.push_back(item);
}

void RecordedCode::clear() {
    items_.clear();
    bytes_.clear();
    label_count_ = 0;
}

// ---- line table ----------------------------------------------------------------------------------

void append_line_info(std::vector<std::uint8_t>& out, std::size_t bytes, std::size_t lines) {
    while (bytes > 0 || lines > 0) {
        std::size_t b, l;
        if (lines <= 6 || bytes > 0xf) {
            // Short form.  While bytes remain beyond what one entry can skip, skip bytes only:
            // a line step must land on the right bytecode offset.
            b = std::min<std::size_t>(bytes, 0x1f);
            l = b < bytes ? 0 : std::min<std::size_t>(lines, 0x3);
            out.push_back(static_cast<std::uint8_t>(b | (l << 5)));
        } else {
            // Long form: up to 2047 lines at once (the line's top 3 bits share the first byte).
            b = std::min<std::size_t>(bytes, 0xf);
            l = std::min<std::size_t>(lines, 0x7ff);
            out.push_back(static_cast<std::uint8_t>(0x80 | b | ((l >> 4) & 0x70)));
            out.push_back(static_cast<std::uint8_t>(l & 0xff));
        }
        bytes -= b;
        lines -= l;
    }
}

// ---- layout --------------------------------------------------------------------------------------

namespace {

// The reference's pass kinds that matter for layout.
enum class LayoutPass { StackSize, CodeSize, Emit };

constexpr std::int64_t kUnassigned = std::numeric_limits<std::int64_t>::min();

// Room for the prelude's signature, size field and simple name (a few bytes each).
constexpr std::size_t kPreludeHeadroom = 24;

// What one pass measured and produced.
struct PassResult {
    std::vector<std::uint8_t> info;      // signature, size, names, line table, cells
    std::vector<std::uint8_t> bytecode;
    std::uint32_t n_info = 0;
    std::uint32_t n_cell = 0;
    bool overflow = false;
};

class Layout {
public:
    Layout(const RecordedCode& code, const PreludeFields& prelude)
        : code_(code), prelude_(prelude), label_offsets_(code.label_count(), kUnassigned) {}

    std::vector<std::uint8_t> run() {
        // One pair of buffers serves every pass: each clears and refills them.  A jump takes at
        // most 4 bytes, so this capacity is never outgrown by the bytecode.
        PassResult r;
        r.info.reserve(kPreludeHeadroom + 2 * prelude_.arg_names.size() + 2 * code_.items().size() +
                       prelude_.cell_slots.size());
        r.bytecode.reserve(code_.bytes().size() + 4 * code_.items().size());
        pass(LayoutPass::StackSize, r);
        remember(r);
        pass(LayoutPass::CodeSize, r);
        remember(r);
        std::size_t info_size = r.info.size();
        std::size_t bytecode_size = r.bytecode.size();
        for (;;) {
            ++emit_passes_;
            pass(LayoutPass::Emit, r);
            remember(r);
            if (r.info.size() == info_size && r.bytecode.size() == bytecode_size) break;
            // Something shrank: label positions moved, so lay out again with the new ones.
            info_size = r.info.size();
            bytecode_size = r.bytecode.size();
        }
        if (r.overflow) {
            throw DiagnosticError(Diagnostic{"RuntimeError", "bytecode overflow", {}});
        }
        std::vector<std::uint8_t> out;
        out.reserve(r.info.size() + r.bytecode.size());
        out.insert(out.end(), r.info.begin(), r.info.end());
        out.insert(out.end(), r.bytecode.begin(), r.bytecode.end());
        return out;
    }

    unsigned emit_passes() const { return emit_passes_; }

private:
    // The next pass writes the prelude size field from this pass's measurements.
    void remember(const PassResult& r) {
        prev_n_info_ = r.n_info;
        prev_n_cell_ = r.n_cell;
    }

    void pass(LayoutPass kind, PassResult& r) {
        r.info.clear();
        r.bytecode.clear();
        r.overflow = false;
        encode_prelude_signature(prelude_.signature, r.info);
        if (kind != LayoutPass::StackSize) {
            // The first pass does not know the sizes yet, so it writes no size field at all.
            encode_prelude_size(PreludeSize{prev_n_info_, prev_n_cell_}, r.info);
        }
        const std::size_t source_info_start = r.info.size();
        vuint::append(r.info, prelude_.simple_name);
        for (std::uint32_t q : prelude_.arg_names) vuint::append(r.info, q);

        std::uint32_t last_line = 1;
        std::size_t last_line_offset = 0;
        std::size_t byte_cursor = 0;
        const auto& bytes = code_.bytes();
        auto& bc = r.bytecode;

        for (const RecordedItem& item : code_.items()) {
            switch (item.kind) {
                case RecordedItem::Kind::Bytes:
                    bc.insert(bc.end(), bytes.begin() + byte_cursor,
                              bytes.begin() + byte_cursor + item.value);
                    byte_cursor += item.value;
                    break;
                case RecordedItem::Kind::Label:
                    label_offsets_[item.value] = static_cast<std::int64_t>(bc.size());
                    break;
                case RecordedItem::Kind::Line:
                    if (item.value > last_line) {
                        append_line_info(r.info, bc.size() - last_line_offset, item.value - last_line);
                        last_line_offset = bc.size();
                        last_line = item.value;
                    }
                    break;
                case RecordedItem::Kind::Jump:
                    write_jump(kind, item, r);
                    break;
            }
        }

        r.n_info = static_cast<std::uint32_t>(r.info.size() - source_info_start);
        for (std::uint32_t slot : prelude_.cell_slots) {
            r.info.push_back(static_cast<std::uint8_t>(slot));
        }
        r.n_cell = static_cast<std::uint32_t>(prelude_.cell_slots.size());
    }

    void write_jump(LayoutPass kind, const RecordedItem& item, PassResult& r) {
        auto& bc = r.bytecode;
        const bool is_signed = opcode_jump_is_signed(item.opcode);
        bool two_bytes = true;
        std::int64_t rel = 0;
        if (kind != LayoutPass::StackSize) {
            std::int64_t target = label_offsets_[item.value];
            if (target == kUnassigned) {
                throw DiagnosticError(Diagnostic{
                    "error", fmt::format("internal: jump to label {} that is never placed", item.value), {}});
            }
            // Relative to the end of a 1-byte offset field; one less if it needs 2 bytes.
            // `target` is this pass's position for labels already passed and the previous
            // pass's for labels ahead -- exactly the reference's behaviour.
            rel = target - static_cast<std::int64_t>(bc.size()) - 2;
            bool fits = is_signed ? (rel >= -64 && rel <= 63) : (rel >= 0 && rel <= 127);
            if (fits) {
                two_bytes = false;
            } else {
                rel -= 1;
            }
        }
        bc.push_back(item.opcode);
        if (!two_bytes) {
            bc.push_back(static_cast<std::uint8_t>(is_signed ? rel + 0x40 : rel));
        } else {
            std::int64_t v = is_signed ? rel + 0x4000 : rel;
            if (kind == LayoutPass::Emit && (v < 0 || v > 0x7fff)) r.overflow = true;
            bc.push_back(static_cast<std::uint8_t>(0x80 | (v & 0x7f)));
            bc.push_back(static_cast<std::uint8_t>((v >> 7) & 0xff));
        }
        if (item.has_extra) bc.push_back(item.extra);
    }

    const RecordedCode& code_;
    const PreludeFields& prelude_;
    std::vector<std::int64_t> label_offsets_;  // bytecode offset of each label, latest pass
    std::uint32_t prev_n_info_ = 0;
    std::uint32_t prev_n_cell_ = 0;
    unsigned emit_passes_ = 0;
};

}  // namespace

std::vector<std::uint8_t> assemble_bytecode(const RecordedCode& code, const PreludeFields& prelude,
                                            LayoutStats* stats) {
    for (std::uint32_t slot : prelude.cell_slots) {
        if (slot > 255) {
            throw DiagnosticError(Diagnostic{"error", "internal: cell slot above 255", {}});
        }
    }
    Layout layout(code, prelude);
    std::vector<std::uint8_t> out = layout.run();
    if (stats) stats->emit_passes = layout.emit_passes();
    return out;
}

}  // namespace mpy
