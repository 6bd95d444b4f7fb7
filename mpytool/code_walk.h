// A decoded view of every raw code in a module, shared by info, dis, verify, diff, merge and
// freeze: names, prelude, instructions, line table.  Decoding never throws; what could not be
// decoded is recorded in `problems` so that dis can still show the rest and verify can report it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/mpy_format.h"
#include "common/mpy_model.h"
#include "common/mpy_reader.h"
#include "common/opcodes.h"

namespace mpy::tool {

struct CodeProblem {
    std::size_t code_offset = 0;  // within the raw code's code bytes
    std::string message;
};

struct FunctionView {
    const RawCode* rc = nullptr;
    std::size_t index = 0;        // pre-order number (0 = module)
    int depth = 0;                // 0 = module
    std::optional<std::size_t> parent;  // index of the parent view
    std::size_t child_number = 0;       // position among the parent's children
    std::string name;             // simple name ("<module>", "f", "<lambda>"), or a best guess
    std::string qualified_name;   // "f.<locals>.g" style path from the module, unique per module
    std::optional<std::size_t> file_offset;  // of the code bytes, when a layout was given

    // Bytecode and native-py functions carry a prelude (native-py at rc->prelude_offset).
    std::optional<Prelude> prelude;
    // Native-py only: where the prelude really starts, when that is not rc->prelude_offset.
    // mpy-cross 1.27 stores the offset in 16 bits, so for a function of more than 64 KiB of
    // machine code it is the true offset modulo 65536; the prelude is then found 64 KiB steps on.
    std::optional<std::size_t> prelude_found_at;
    // Bytecode only: the opcodes from prelude->offset_opcodes to the end.
    std::vector<Instruction> instructions;
    std::vector<LineInfoEntry> lines;
    std::vector<CodeProblem> problems;

    bool is_bytecode() const { return rc->kind == CodeKind::Bytecode; }
    // Line of the instruction at code offset `offset` (bytecode only; 0 if unknown).
    std::uint32_t line_of(std::size_t offset) const;
};

// The views of `module`'s whole raw-code tree in pre-order.  `layout` (optional) supplies file
// offsets.
std::vector<FunctionView> walk_module(const MpyModule& module, const MpyLayout* layout = nullptr);

// The qstr at `index` for listings: the text, or "<bad qstr N>" if out of range.
std::string qstr_text(const MpyModule& module, std::uint64_t index);

// Text of an instruction's argument for listings ('name', constant repr, "-> 0x1c", "child 2 f").
// `views`/`self` give child names; `self` may be null.
std::string describe_argument(const MpyModule& module, const FunctionView* self,
                              const std::vector<FunctionView>* views, const Instruction& insn);

// Exception-handler regions found from SETUP_EXCEPT / SETUP_FINALLY / SETUP_WITH: the protected
// code runs from after the SETUP instruction up to the handler.
struct HandlerRange {
    std::size_t setup_offset = 0;
    std::size_t start = 0;     // first protected offset
    std::size_t handler = 0;   // handler (also the end of the protected range)
    std::string kind;          // "except", "finally", "with"
};
std::vector<HandlerRange> handler_ranges(const FunctionView& view);

}  // namespace mpy::tool
