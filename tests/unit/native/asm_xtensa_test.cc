// Unit tests for the Xtensa assembler (compiler/asm_xtensa.h) and the xtensa/xtensawin back ends'
// generic operations (compiler/native_arch_xtensa.cc).
//
// Where the expected bytes come from (the whole-function byte identity with mpy-cross is checked
// by the goldens of tests/native/expected/<version>/xtensa and xtensawin):
//   [as]   the instruction word GNU as for xtensa-lx106 (`xtensa-lx106-elf-as --no-transform`,
//          then objdump) gives for the instruction quoted next to it; words are written as
//          objdump prints them and stored little-endian;
//   [isa]  entry / retw.n / callx8 (windowed, not in the LX106 core), encoded by hand from the
//          Xtensa ISA reference manual's BRI12 / RRRN / CALLX formats;
//   [rule] the reference assembler's choice between forms (which form, not its encoding).
#include "compiler/asm/xtensa/asm_xtensa.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <vector>

#include "common/diagnostics.h"
#include "compiler/compiler.h"
#include "compiler/native/native_arch.h"
#include "compiler/native/native_asm.h"
#include "tests/unit/compile_diagnostic.h"

namespace mpy {
namespace {

using namespace xtensa;
using Bytes = std::vector<std::uint8_t>;

Bytes w24(std::uint32_t word) {
    return {static_cast<std::uint8_t>(word), static_cast<std::uint8_t>(word >> 8), static_cast<std::uint8_t>(word >> 16)};
}
Bytes w16(std::uint32_t half) { return {static_cast<std::uint8_t>(half), static_cast<std::uint8_t>(half >> 8)}; }
Bytes cat(std::initializer_list<Bytes> parts) {
    Bytes all;
    for (const Bytes& p : parts) all.insert(all.end(), p.begin(), p.end());
    return all;
}

// Runs `body` as the native emitter does (two measuring passes, then the emit pass: the literal
// pool is sized by the pass before) and returns the emitted bytes; checks the emit pass wrote
// what the last measuring pass measured.
Bytes run(AsmXtensa& as, const std::function<void(AsmXtensa&)>& body, std::size_t num_labels = 4) {
    as.set_num_labels(num_labels);
    as.start_pass(false);
    body(as);
    as.start_pass(false);
    body(as);
    const std::size_t measured = as.code_pos();
    as.start_pass(true);
    body(as);
    EXPECT_EQ(as.code_pos(), measured);
    return as.bytes();
}

Bytes call0_abi(const std::function<void(AsmXtensa&)>& body) {
    AsmXtensa as(XtensaOptions{false, false});
    return run(as, body);
}

// ---- encodings -------------------------------------------------------------------------------------

TEST(AsmXtensaEncoding, RegisterInstructions) {
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.add_n(A2, A3, A4); }), w16(0x234a));            // [as] add.n a2, a3, a4
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.addi(A1, A1, -32); }), w24(0xe0c112));          // [as] addi a1, a1, -32
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.addx2(A2, A3, A4); }), w24(0x902340));          // [as] addx2 a2, a3, a4
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.addx4(A2, A3, A4); }), w24(0xa02340));          // [as] addx4 a2, a3, a4
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.and_(A2, A3, A4); }), w24(0x102340));           // [as] and a2, a3, a4
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.or_(A2, A3, A4); }), w24(0x202340));            // [as] or a2, a3, a4
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.xor_(A2, A3, A4); }), w24(0x302340));           // [as] xor a2, a3, a4
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.sub(A2, A3, A4); }), w24(0xc02340));            // [as] sub a2, a3, a4
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.mull(A2, A3, A4); }), w24(0x822340));           // [as] mull a2, a3, a4
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.neg(A2, A3); }), w24(0x602030));                // [as] neg a2, a3
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.mov_n(A2, A3); }), w16(0x032d));                // [as] mov.n a2, a3
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.ssl(A3); }), w24(0x401300));                   // [as] ssl a3
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.ssr(A3); }), w24(0x400300));                   // [as] ssr a3
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.sll(A2, A3); }), w24(0xa12300));               // [as] sll a2, a3
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.srl(A2, A3); }), w24(0x912030));               // [as] srl a2, a3
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.sra(A2, A3); }), w24(0xb12030));               // [as] sra a2, a3
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.jx(A2); }), w24(0x0002a0));                    // [as] jx a2
}

TEST(AsmXtensaEncoding, ImmediatesAndMemory) {
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.movi(A2, 2047); }), w24(0xffa722));             // [as] movi a2, 2047
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.movi(A2, -2048); }), w24(0x00a822));            // [as] movi a2, -2048
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.movi_n(A2, -32); }), w16(0x026c));              // [as] movi.n a2, -32
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.movi_n(A2, 95); }), w16(0xf25c));               // [as] movi.n a2, 95
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.l32i(A2, A1, 255); }), w24(0xff2122));          // [as] l32i a2, a1, 1020
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.l32i_n(A2, A1, 15); }), w16(0xf128));           // [as] l32i.n a2, a1, 60
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.s32i(A2, A1, 255); }), w24(0xff6122));          // [as] s32i a2, a1, 1020
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.s32i_n(A0, A1, 0); }), w16(0x0109));            // [as] s32i.n a0, a1, 0
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.load(A2, A3, 255, 0); }), w24(0xff0322));       // [as] l8ui a2, a3, 255
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.load(A2, A3, 255, 1); }), w24(0xff1322));       // [as] l16ui a2, a3, 510
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.store(A2, A3, 1, 0); }), w24(0x014322));        // [as] s8i a2, a3, 1
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.store(A2, A3, 1, 1); }), w24(0x015322));        // [as] s16i a2, a3, 2
}

TEST(AsmXtensaEncoding, WindowedFrame) {
    // [isa] entry a1, 48 (BRI12: imm12 = 48/8, s = a1, m = 0, n = 3, op0 = 6); s32i.n a0, a1, 0;
    // l32i.n a0, a1, 0; retw.n (RRRN op0 13, r 15, t 1).  One saved word + 1 local -> 16, + 32.
    AsmXtensa as(XtensaOptions{true, false});
    EXPECT_EQ(run(as, [](AsmXtensa& a) {
                  a.entry(1);
                  a.exit();
              }),
              cat({w24(0x006136), w16(0x0109), w16(0x0108), w16(0xf01d)}));
}

// ---- instruction choices -------------------------------------------------------------------------

TEST(AsmXtensaChoices, ConstantsTakeTheShortestForm) {
    // [rule] movi.n for -32..95, movi for 12 bits, otherwise l32r from the pool.
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.mov_reg_i32_optimised(A2, 95); }), w16(0xf25c));
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.mov_reg_i32_optimised(A2, 96); }), w24(0x60a022));  // [as] movi a2, 96
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.mov_reg_i32_optimised(A2, 0xfffff800u); }), w24(0x00a822));
}

TEST(AsmXtensaChoices, LiteralPoolAtTheStartSizedByThePreviousPass) {
    // [rule] entry: j over one padding byte and the pool (here 2 words), then the frame; each
    // big constant is an l32r to its slot, PC-relative to its own address + 3 rounded down to a
    // word.
    const Bytes code = call0_abi([](AsmXtensa& as) {
        as.entry(0);
        as.mov_reg_i32_optimised(A2, 0x12345678);
        as.mov_reg_i32_optimised(A3, 0x0badf00d);
    });
    const Bytes expected = cat({
        w24(0x000206),                                   // j +8: over the padding byte and 2 words
        Bytes{0x00},                                     // padding: the pool starts word-aligned
        Bytes{0x78, 0x56, 0x34, 0x12},                   // pool[0] at 4
        Bytes{0x0d, 0xf0, 0xad, 0x0b},                   // pool[1] at 8
        w24(0xe0c112),                                   // [as] addi a1, a1, -32 (5 saved words)
        w16(0x0109), w16(0x11c9), w16(0x21d9), w16(0x31e9), w16(0x41f9),  // [as] s32i.n a0, a12..a15
        w24(0xfffa21),                                   // [as] l32r a2, pool[0]: (4 - 28) / 4 = -6
        w24(0xfffb31),                                   // [as] l32r a3, pool[1]: (8 - 28) / 4 = -5
    });
    EXPECT_EQ(code, expected);
}

TEST(AsmXtensaChoices, OnePassBehindThePoolIsEmpty) {
    // [rule] the first pass of a fresh assembler has no count yet: no jump, no pool.
    AsmXtensa as(XtensaOptions{false, false});
    as.set_num_labels(1);
    as.start_pass(false);
    as.entry(0);
    as.mov_reg_i32_optimised(A2, 0x12345678);
    EXPECT_EQ(as.code_pos(), 3u + 10u + 3u);
    // The next pass knows one constant: 4 bytes of jump and padding, 4 of pool.
    as.start_pass(false);
    as.entry(0);
    as.mov_reg_i32_optimised(A2, 0x12345678);
    EXPECT_EQ(as.code_pos(), 8u + 3u + 10u + 3u);
}

TEST(AsmXtensaChoices, Windowed127JumpsOverAnEmptyPool) {
    // [rule] 1.27's windowed entry writes `j +0` and the padding byte even without constants.
    AsmXtensa as127(XtensaOptions{true, true});
    const Bytes with_jump = run(as127, [](AsmXtensa& a) { a.entry(0); });
    EXPECT_EQ(Bytes(with_jump.begin(), with_jump.begin() + 4), cat({w24(0x000006), Bytes{0x00}}));
    AsmXtensa as128(XtensaOptions{true, false});
    EXPECT_EQ(run(as128, [](AsmXtensa& a) { a.entry(0); }), cat({w24(0x006136), w16(0x0109)}));
}

TEST(AsmXtensaChoices, BranchesShortOnlyBackward) {
    // [rule] backward and in range: one bnez ([as] bnez a2, .-3).
    const Bytes backward = call0_abi([](AsmXtensa& as) {
        as.label_assign(0);
        as.movi(A5, 0);
        as.branch_zero(CCZ_NE, A2, 0);
    });
    EXPECT_EQ(Bytes(backward.begin() + 3, backward.end()), w24(0xff9256));
    // [rule] forward: the inverted branch over a j (beqz a2, +2; j rel-3).
    const Bytes forward = call0_abi([](AsmXtensa& as) {
        as.branch_zero(CCZ_NE, A2, 0);
        as.label_assign(0);
    });
    // [as] beqz a2, .+6; j .+3 (CALL format, offset -1 from pc + 4)
    EXPECT_EQ(forward, cat({w24(0x002216), w24(0xffffc6)}));
}

TEST(AsmXtensaChoices, CompareAsMoviBranchMovi) {
    // [rule] setcc: movi.n d, 1; bcc src1, src2, +1 (over the 2-byte movi.n); movi.n d, 0.
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.set_cond(CC_LT, A2, A3, A4); }),
              cat({w16(0x120c), w24(0x012347), w16(0x020c)}));  // [as] movi.n a2, 1; blt a3, a4, .+5
}

TEST(AsmXtensaChoices, CallIndByTableIndex) {
    // [rule] l32i.n below 16 words, l32i below 256, else the address computed in a0.
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.call_ind(3); }), cat({w16(0x3f08), w24(0x0000c0)}));  // [as] callx0 a0
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.call_ind(20); }), cat({w24(0x142f02), w24(0x0000c0)}));
    // 300 words: movi a0, 1200; add.n a0, a15, a0; l32i.n a0, a0, 0; callx0 a0.
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.call_ind(300); }),
              cat({w24(0xb0a402), w16(0x0f0a), w16(0x0008), w24(0x0000c0)}));
    // [isa] windowed: l32i.n a8, a7, 3; callx8 a8 (CALLX m 3, n 2).
    AsmXtensa win(XtensaOptions{true, false});
    EXPECT_EQ(run(win, [](AsmXtensa& a) { a.call_ind(3); }), cat({w16(0x3788), w24(0x0008e0)}));
}

TEST(AsmXtensaChoices, FarStoreGoesThroughA6) {
    // [rule] an offset past 255 elements: the address in a6 (on both ABIs).
    EXPECT_EQ(call0_abi([](AsmXtensa& as) { as.store(A2, A3, 300, 2); }),
              cat({w24(0xb0a462), w16(0x636a), w16(0x0629)}));
    AsmXtensa win(XtensaOptions{true, false});
    EXPECT_EQ(run(win, [](AsmXtensa& a) { a.store(A2, A3, 300, 2); }),
              cat({w24(0xb0a462), w16(0x636a), w16(0x0629)}));
}

TEST(AsmXtensaChoices, PcRelativeThroughCall0) {
    // [rule] movi d, rel; call0 to the next aligned word; padding; add.n d, d, a0.  At 0: the
    // call0 at 3 has off (3 >> 1) & 1 = 1 and pad (5 - 3) & 3 = 2.
    const Bytes code = call0_abi([](AsmXtensa& as) {
        as.mov_reg_pcrel(A2, 0);
        as.label_assign(0);
    });
    ASSERT_EQ(code.size(), 3u + 3u + 2u + 2u);
    EXPECT_EQ(Bytes(code.begin() + 3, code.begin() + 6), w24(0x000045));  // call0 with offset 1
    EXPECT_EQ(Bytes(code.begin() + 8, code.end()), w16(0x220a));           // [as] add.n a2, a2, a0
    // rel = label (10) - 0 - 6 = 4.
    EXPECT_EQ(Bytes(code.begin(), code.begin() + 3), w24(0x04a022));       // [as] movi a2, 4
}

// ---- the back ends -------------------------------------------------------------------------------

TEST(NativeArchXtensa, RegisterRolesPerAbi) {
    const auto call0 = make_native_asm(NativeConfig{NativeArch::Xtensa, CompatVersion::V1_28, 0});
    const auto win = make_native_asm(NativeConfig{NativeArch::XtensaWin, CompatVersion::V1_28, 0});
    ASSERT_NE(call0, nullptr);
    ASSERT_NE(win, nullptr);
    EXPECT_EQ(call0->target().ret, A2);
    EXPECT_EQ(call0->target().parent_ret(), A2);
    EXPECT_EQ(call0->target().nlr_buf_words, 13);
    EXPECT_FALSE(call0->target().nlr_push_setjmp);
    EXPECT_EQ(win->target().ret, A10);
    EXPECT_EQ(win->target().parent_ret(), A2);
    EXPECT_EQ(win->target().parent_arg4(), A5);
    EXPECT_EQ(win->target().local1, A4);
    EXPECT_EQ(win->target().nlr_buf_words, 20);
    EXPECT_TRUE(win->target().nlr_push_setjmp);
    EXPECT_FALSE(win->target().has_not_instruction);
}

TEST(NativeArchXtensa, GreaterThanSwapsTheOperands) {
    auto be = make_native_asm(NativeConfig{NativeArch::Xtensa, CompatVersion::V1_28, 0});
    be->set_num_labels(1);
    be->start_pass(false);
    be->compare_to_bool(NCompare::More, false, A3, A4, A2);
    be->start_pass(true);
    be->compare_to_bool(NCompare::More, false, A3, A4, A2);
    // [as] blt a4, a3, .+5
    EXPECT_EQ(Bytes(be->bytes().begin() + 2, be->bytes().begin() + 5), w24(0x012437));
    // 1.28 clears a register with movi.n 0.
    be->start_pass(false);
    be->clear_reg(A2);
    be->start_pass(true);
    be->clear_reg(A2);
    EXPECT_EQ(be->bytes(), w16(0x020c));  // [as] movi.n a2, 0
}

// ---- the inline assembler: what differs between the releases -------------------------------------
// (Byte identity with mpy-cross on every instruction: tests/native/asm_xtensa goldens; the errors
// both releases print alike: tests/native/errors/asm_xtensa_*.)

using test::compile_diagnostic;

TEST(InlineAsmXtensa, TheLastOperandLookedAtWinsInEachReleasesOrder) {
    // [rule] 1.27 reads a load's operands left to right (the bad offset is last); 1.28 reads the
    // offset first and then the registers (the bad register is last).  Measuring-pass errors take
    // the def's line (2).
    const std::string src = "@micropython.asm_xtensa\ndef f(a2):\n    l32i(a16, a3, 2000)\n";
    const Diagnostic d127 = compile_diagnostic(src, "xtensa", CompatVersion::V1_27);
    EXPECT_EQ(d127.message, "'l32i' integer 2000 isn't within range 0..1020");
    EXPECT_EQ(d127.where.line, 2);
    const Diagnostic d128 = compile_diagnostic(src, "xtensa", CompatVersion::V1_28);
    EXPECT_EQ(d128.message, "'l32i' expects a register");
    EXPECT_EQ(d128.where.line, 2);
}

TEST(InlineAsmXtensa, WindowedOnlyFrom128) {
    const std::string src = "@micropython.asm_xtensa\ndef f(a2):\n    movi(a2, 100000)\n";
    EXPECT_EQ(compile_diagnostic(src, "xtensawin", CompatVersion::V1_27).message, "invalid arch");
    CompileOptions o;
    o.source_name = "t.py";
    o.arch = "xtensawin";
    o.compat = CompatVersion::V1_28;
    EXPECT_NO_THROW(compile_to_mpy(src, o));
}

TEST(InlineAsmXtensa, RangeErrorsAreRuntimeErrorsWithoutALine) {
    // [rule] the assembler's own checks raise RuntimeError in the emit pass.
    const std::string src =
        "@micropython.asm_xtensa\ndef f(a2):\n    nop_n()\n    label(x)\n    nop_n()\n    call0(x)\n";
    const Diagnostic d = compile_diagnostic(src, "xtensa", CompatVersion::V1_28);
    EXPECT_EQ(d.kind, "RuntimeError");
    EXPECT_EQ(d.message, "ERROR: call0 target not word-aligned");
    EXPECT_LE(d.where.line, 0);
}

}  // namespace
}  // namespace mpy
