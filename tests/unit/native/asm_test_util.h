// Helpers shared by the assembler unit tests (asm_x64_test.cc, asm_x86_test.cc).
#pragma once

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace mpy::asm_test {

using Bytes = std::vector<std::uint8_t>;

// Runs `body` through both passes, as the native emitter does, and returns the emitted bytes.
// Also checks that the size pass measured exactly what the emit pass wrote.
template <class Asm>
Bytes assemble(const std::function<void(Asm&)>& body, std::size_t num_labels = 4) {
    Asm as;
    as.set_num_labels(num_labels);
    as.start_pass(false);
    body(as);
    as.end_pass();
    const std::size_t measured = as.code_pos();
    as.start_pass(true);
    body(as);
    as.end_pass();
    EXPECT_EQ(as.code_pos(), measured);
    EXPECT_EQ(as.code_size(), measured);
    return as.bytes();
}

template <class Asm>
void nops(Asm& as, int n) {
    for (int i = 0; i < n; ++i) as.nop();
}

}  // namespace mpy::asm_test
