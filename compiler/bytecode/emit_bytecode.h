// Layout of one scope's bytecode: from a recorded instruction stream with symbolic labels to the
// final bytes (prelude + source info + closure cells + opcodes), exactly as mpy-cross lays it out.
//
// Why this replays the reference's pass history instead of computing an optimal layout:
// mpy-cross sizes jumps by running its emitter repeatedly.  Pass STACK_SIZE writes every jump with
// a 2-byte offset.  Pass CODE_SIZE chooses 1 byte where the offset fits, using the label positions
// of the *current* pass for labels already passed (backward jumps) and of the *previous* pass for
// labels ahead (forward jumps).  EMIT passes then repeat the same rule until the code-info and
// bytecode sizes equal those of the pass before.  The result is not always the tightest layout,
// and the prelude's n_info field is written from the previous pass's measurement, so the only
// way to be byte-identical is to run the same sequence of measurements.  Each pass here is a
// cheap walk over the recorded items (no AST involved).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "common/mpy_format.h"

namespace mpy {

// One element of a recorded instruction stream.
struct RecordedItem {
    enum class Kind : std::uint8_t {
        Bytes,  // `size` fixed bytes, taken in order from RecordedCode::bytes
        Jump,   // a jump opcode to label `value`, then `extra` if has_extra
        Label,  // label `value` is here
        Line,   // following code is from source line `value`
    };
    Kind kind = Kind::Bytes;
    std::uint8_t opcode = 0;  // Jump
    bool has_extra = false;   // Jump: UNWIND_JUMP's trailing byte
    std::uint8_t extra = 0;
    std::uint32_t value = 0;  // Bytes: length; Jump/Label: label number; Line: line number
};

// A scope's instruction stream as the emitter recorded it (dead code already left out).
class RecordedCode {
public:
    void append_bytes(const std::uint8_t* data, std::size_t n);
    void append_byte(std::uint8_t b) { append_bytes(&b, 1); }
    void append_jump(std::uint8_t opcode, std::uint32_t label);
    void append_jump(std::uint8_t opcode, std::uint32_t label, std::uint8_t extra);
    void append_label(std::uint32_t label);
    void append_line(std::uint32_t line);

    const std::vector<RecordedItem>& items() const { return items_; }
    const std::vector<std::uint8_t>& bytes() const { return bytes_; }
    // 1 + the highest label number used (by a jump or an assignment).
    std::uint32_t label_count() const { return label_count_; }
    void clear();

private:
    std::vector<RecordedItem> items_;
    std::vector<std::uint8_t> bytes_;
    std::uint32_t label_count_ = 0;
};

// The prelude fields of a scope, already resolved to qstr-table indices.
struct PreludeFields {
    PreludeSignature signature;                // n_state, n_exc_stack, flags, argument counts
    std::uint32_t simple_name = 0;             // qstr index
    std::vector<std::uint32_t> arg_names;      // qstr indices, n_pos_args + n_kwonly_args
    std::vector<std::uint32_t> cell_slots;     // closure section, one byte each (<= 255)
};

// Lays out `code` and returns the complete function data (what the .mpy stores for a bytecode
// raw code).  Throws DiagnosticError {"RuntimeError", "bytecode overflow"} when a jump offset
// does not fit, and {"error", ...} for malformed streams (a jump to a label never assigned).
struct LayoutStats {
    unsigned emit_passes = 0;  // EMIT passes run (1 when CODE_SIZE's guess was already final)
};
std::vector<std::uint8_t> assemble_bytecode(const RecordedCode& code, const PreludeFields& prelude,
                                            LayoutStats* stats = nullptr);

// Appends the line-number-table entries that advance by `bytes` of bytecode and `lines` source
// lines, in the reference's packing: one-byte entries 0b0LLBBBBB (B <= 31, L <= 3) unless the
// line step is over 6 and the byte step at most 15, which uses 0b1LLLBBBB 0bLLLLLLLL
// (B <= 15, L <= 2047); a large byte step is consumed before any line step.
void append_line_info(std::vector<std::uint8_t>& out, std::size_t bytes, std::size_t lines);

}  // namespace mpy
