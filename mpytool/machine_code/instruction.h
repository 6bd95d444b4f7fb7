// One decoded machine instruction (or a data item between instructions), as every disassembler
// of mpytool/machine_code returns it: text for the listing plus the few facts the annotator needs
// (branch targets for labels, memory loads for fun_table / qstr / constant references).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace mpy::machine_code {

// A load "dest = [base + displacement]" of `width` bytes.  Registers are named as the listing
// names them ("r7", "rbp", "s1", "a15"), so the annotator needs no per-decoder numbering.
struct MemoryLoad {
    std::string dest;
    std::string base;
    std::int64_t displacement = 0;
    int width = 4;
};

// "dest = source + value" (a register copy when value is 0): armv6m reaches far fun_table entries
// as "mov r3, r7; adds r3, #k; ldr r3, [r3, #d]".
struct AddImmediate {
    std::string dest;
    std::string source;
    std::int64_t value = 0;
};

struct Instruction {
    std::uint32_t offset = 0;  // from the start of the code
    std::uint32_t size = 0;    // bytes
    std::string mnemonic;      // "ldr", "addi", ".word" for data or undecodable bytes
    std::string operands;
    bool is_data = false;                        // bytes shown as data, not decoded
    bool undecodable = false;                    // data because no instruction has this encoding
    std::optional<std::uint32_t> branch_target;  // a pc-relative branch or call, as a code offset
    bool is_unconditional_jump = false;          // control never falls through (b, j, jmp)
    std::optional<std::uint32_t> literal_address;  // a pc-relative load of a data word (ldr =, l32r)
    std::optional<MemoryLoad> load;
    std::optional<AddImmediate> add_immediate;
    std::string comment;  // filled by the annotator: "fun_table[binary_op]", "qstr 'foo'"
};

}  // namespace mpy::machine_code
