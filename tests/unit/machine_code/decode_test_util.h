// Helpers of the disassembler tests: run one of our assemblers (compiler/asm_*) through its passes
// and look at what the decoders make of its bytes.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "mpytool/machine_code/disassembler.h"

namespace mpy::machine_code::test {

using Bytes = std::vector<std::uint8_t>;

// Size pass then emit pass, as the native emitter runs an assembler.
template <class Asm>
Bytes assemble(Asm& as, const std::function<void(Asm&)>& body, std::size_t num_labels = 4) {
    as.set_num_labels(num_labels);
    as.start_pass(false);
    body(as);
    as.start_pass(false);
    body(as);
    as.start_pass(true);
    body(as);
    return as.bytes();
}

// "mnemonic operands" of each item, e.g. {"addi a0,a0,5", "ret"}.
inline std::vector<std::string> texts(const std::vector<Instruction>& insns) {
    std::vector<std::string> out;
    for (const auto& i : insns) out.push_back(i.operands.empty() ? i.mnemonic : i.mnemonic + " " + i.operands);
    return out;
}

// Every byte covered exactly once, in order.
inline void expect_covers(const std::vector<Instruction>& insns, std::size_t size) {
    std::uint32_t at = 0;
    for (const auto& i : insns) {
        EXPECT_EQ(i.offset, at) << i.mnemonic;
        EXPECT_GT(i.size, 0u);
        at = i.offset + i.size;
    }
    EXPECT_EQ(at, size);
}

}  // namespace mpy::machine_code::test
