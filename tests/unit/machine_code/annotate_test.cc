// The annotator: what a load through the emitter's fixed registers, or along the function object's
// context chain, refers to.
#include "mpytool/machine_code/annotate.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

namespace mpy::machine_code {
namespace {

Instruction load(std::string dest, std::string base, std::int64_t displacement, int width) {
    Instruction i;
    i.mnemonic = "load";
    i.size = 4;
    i.load = MemoryLoad{std::move(dest), std::move(base), displacement, width};
    return i;
}

Instruction other() {
    Instruction i;
    i.mnemonic = "other";
    i.size = 4;
    return i;
}

ModuleNames names() {
    ModuleNames n;
    n.qstr = [](std::size_t i) { return fmt::format("'q{}'", i); };
    n.constant = [](std::size_t i) { return fmt::format("#{}", i); };
    n.child = [](std::size_t i) { return fmt::format("child{}", i); };
    return n;
}

TEST(Annotate, FunTableAndQstrTableRegistersPerArchitecture) {
    // binary_op is mp_fun_table entry 18; the qstr table holds 16-bit entries.
    std::vector<Instruction> x64 = {load("rax", "rbp", 18 * 8, 8), load("esi", "r13", 6, 2)};
    annotate(NativeArch::X64, x64, {}, names(), true);
    EXPECT_EQ(x64[0].comment, "fun_table[binary_op]");
    EXPECT_EQ(x64[1].comment, "qstr 'q3'");

    std::vector<Instruction> rv = {load("t3", "s1", 7 * 4, 4), load("a0", "s4", 10, 2)};
    annotate(NativeArch::RV32IMC, rv, {}, names(), true);
    EXPECT_EQ(rv[0].comment, "fun_table[load_global]");
    EXPECT_EQ(rv[1].comment, "qstr 'q5'");

    std::vector<Instruction> win = {load("a8", "a7", 4 * 4, 4), load("a8", "a15", 4 * 4, 4)};
    annotate(NativeArch::XtensaWin, win, {}, names(), true);
    EXPECT_EQ(win[0].comment, "fun_table[convert_native_to_obj]");
    EXPECT_EQ(win[1].comment, "");  // a15 is the call0 ABI's fun_table register, not xtensawin's
}

TEST(Annotate, ContextChainToConstantsAndChildren) {
    std::vector<Instruction> code = {
        load("r0", "sp", 0x50, 4),  // the function object, from its stack slot
        load("r0", "r0", 4, 4),     // ->context
        load("r0", "r0", 12, 4),    // ->obj_table
        load("r0", "r0", 8, 4),     // [2]
        other(),
        load("r2", "sp", 0x50, 4),  // the function object again
        load("r1", "r2", 8, 4),     // ->child_table
        load("r1", "r1", 4, 4),     // [1]
    };
    annotate(NativeArch::ArmV7M, code, {}, names(), true);
    EXPECT_EQ(code[0].comment, "");
    EXPECT_EQ(code[1].comment, "function's context");
    EXPECT_EQ(code[2].comment, "context: constant table");
    EXPECT_EQ(code[3].comment, "const #2");
    EXPECT_EQ(code[6].comment, "function's child table");
    EXPECT_EQ(code[7].comment, "child child1");
}

TEST(Annotate, GeneratorPrologueThroughACopyOfTheCodeState) {
    // mv s2, a0 (the code state); a store; lw t1, 0(s2) (its function object); then the chain.
    Instruction copy = other();
    copy.add_immediate = AddImmediate{"s2", "a0", 0};
    std::vector<Instruction> code = {copy, other(), load("t1", "s2", 0, 4), load("t1", "t1", 4, 4),
                                     load("s4", "t1", 8, 4)};
    annotate(NativeArch::RV32IMC, code, {}, names(), true);
    EXPECT_EQ(code[2].comment, "code state: function object");
    EXPECT_EQ(code[3].comment, "function's context");
    EXPECT_EQ(code[4].comment, "context: qstr table");
}

TEST(Annotate, AChainThatReachesNoTableIsNotNamed) {
    // A viper pointer kept in a stack slot, then its second word: no context, no comment.
    std::vector<Instruction> code = {load("r0", "sp", 0x10, 4), load("r0", "r0", 4, 4), other()};
    annotate(NativeArch::ArmV7M, code, {}, names(), true);
    EXPECT_EQ(code[1].comment, "");
}

TEST(Annotate, AnInstructionBetweenForgetsWhatRegistersHeld) {
    std::vector<Instruction> code = {load("r0", "r1", 4, 4), other(), load("r0", "r0", 12, 4), load("r0", "r0", 8, 4)};
    annotate(NativeArch::ArmV6M, code, {}, names(), true);
    EXPECT_EQ(code[0].comment, "");
    EXPECT_EQ(code[2].comment, "");
    EXPECT_EQ(code[3].comment, "");
}

TEST(Annotate, Armv6mReachesFarEntriesThroughACopy) {
    // mov r4, r7; adds r4, #0x38; ldr r4, [r4, #0x7c]: entry (0x38 + 0x7c) / 4 = 45, setup_code_state.
    Instruction mov = other();
    mov.add_immediate = AddImmediate{"r4", "r7", 0};
    Instruction add = other();
    add.add_immediate = AddImmediate{"r4", "r4", 0x38};
    std::vector<Instruction> code = {mov, add, load("r4", "r4", 0x7c, 4)};
    annotate(NativeArch::ArmV6M, code, {}, names(), true);
    EXPECT_EQ(code[2].comment, "fun_table[setup_code_state]");
}

TEST(Annotate, InlineAssemblerCodeGetsOnlyLiteralValues) {
    std::vector<std::uint8_t> bytes = {0, 0, 0, 0, 0x78, 0x56, 0x34, 0x12};
    Instruction literal = other();
    literal.literal_address = 4;
    std::vector<Instruction> code = {load("r3", "r7", 4, 4), literal};
    annotate(NativeArch::ArmV7M, code, bytes, names(), false);
    EXPECT_EQ(code[0].comment, "");
    EXPECT_EQ(code[1].comment, "= 0x12345678");
}

TEST(Annotate, FunTableNames) {
    EXPECT_EQ(fun_table_entry_name(0), "const_none_obj");
    EXPECT_EQ(fun_table_entry_name(49), "setjmp");
    EXPECT_EQ(fun_table_entry_name(50), "50");
}

}  // namespace
}  // namespace mpy::machine_code
