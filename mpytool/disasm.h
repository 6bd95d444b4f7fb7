// mpytool dis: a listing of every function in a .mpy file.
//   bytecode: offsets, raw bytes, opcode names, decoded arguments (qstrs, constants, jump
//             targets, local slots, children), source lines (and the source text with --source),
//             exception-handler ranges;
//   native:   the machine code disassembled (objdump-like: offset, bytes, mnemonic, operands,
//             labels for branch targets, comments naming the fun_table entries, qstrs and
//             constants it loads), or as hex with --raw; the embedded prelude as data, scope
//             flags, rodata/bss and the relocation entries of viper code.
#pragma once

#include <optional>
#include <string>

#include "mpytool/loaded_file.h"

namespace mpy::tool {

struct DisOptions {
    // The Python source the file was compiled from: its lines are shown next to the code.
    std::optional<std::string> source;
    // Native code as hex rows instead of disassembled.
    bool raw = false;
};

std::string render_dis(const LoadedMpy& file, const DisOptions& options = {});

// Hex lines "  0000  55 53 41 54 ..." (16 bytes per line), `base` added to the printed offsets.
std::string hex_block(std::span<const std::uint8_t> bytes, std::size_t base, const std::string& indent);

}  // namespace mpy::tool
