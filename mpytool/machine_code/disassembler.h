// Disassembly of the machine code in a .mpy file, for every architecture its header can name.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "common/mpy_format.h"
#include "mpytool/machine_code/instruction.h"

namespace mpy::machine_code {

// Decodes `code` (which starts at offset 0) as `arch`'s instructions, in order, covering every byte:
// undecodable bytes become ".byte"/".short"/".word" items, so any input gives a listing.  Data the
// emitters put between instructions (Thumb's inline literal words, Xtensa's literal table) is
// shown as ".word".  Architectures without a decoder (Debug, None) give the whole code as data.
// `start`: the bytes before it are data words (a native function's prelude index and a
// generator's start offset come first), decoding starts there.
std::vector<Instruction> disassemble(NativeArch arch, std::span<const std::uint8_t> code, std::uint32_t start = 0);

// The same per-ISA entry points, for the tests and for callers that know the ISA.
std::vector<Instruction> disassemble_x86(std::span<const std::uint8_t> code, bool x64, std::uint32_t start = 0);
std::vector<Instruction> disassemble_arm(std::span<const std::uint8_t> code, std::uint32_t start = 0);  // A32
std::vector<Instruction> disassemble_thumb(std::span<const std::uint8_t> code, std::uint32_t start = 0);  // +Thumb-2, VFP
std::vector<Instruction> disassemble_rv32(std::span<const std::uint8_t> code, std::uint32_t start = 0);  // +C, zba, zcmp
std::vector<Instruction> disassemble_xtensa(std::span<const std::uint8_t> code, std::uint32_t start = 0);

// Data items covering `code[from, to)`: ".word 0x..." per aligned 4 bytes, ".byte" for the rest.
void append_data(std::vector<Instruction>& out, std::span<const std::uint8_t> code, std::uint32_t from,
                 std::uint32_t to);

// A linear sweep from `start` to the end of the code (no header data before it).
using Sweep = std::function<std::vector<Instruction>(std::uint32_t start)>;

// Header data before `start`, then `sweep`'s instructions, where the bytes an unconditional forward
// jump skips, that no branch lands in, and that are at most `max_literal_gap` bytes or do not
// decode, become data (inline literal words, an inline assembler's data()); decoding resumes at
// the jump's target.
std::vector<Instruction> with_jumped_over_data(std::span<const std::uint8_t> code, std::uint32_t start,
                                               std::uint32_t max_literal_gap, const Sweep& sweep);

}  // namespace mpy::machine_code
