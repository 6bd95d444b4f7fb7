// Unit tests for the x86-64 assembler (compiler/asm/x86/asm_x64.h).
//
// Where the expected bytes come from:
//   [ref]  copied from the machine code mpy-cross 1.27.0 -march=x64 produced for small viper /
//          native functions of ours (extracted from the .mpy and disassembled with
//          `objdump -D -b binary -mi386:x86-64 -M intel`); the disassembly is quoted next to them.
//   [rule] not seen in reference output; derived from the reference assembler's rules (REX only for
//          r8-r15, rbp/r13 base needs a displacement, rsp/r12 base needs a SIB byte, ...) and
//          checked by decoding with objdump.
#include "compiler/asm/x86/asm_x64.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <vector>

#include "tests/unit/native/asm_test_util.h"

namespace mpy {
namespace {

using namespace x64;
using asm_test::Bytes;

Bytes assemble(const std::function<void(AsmX64&)>& body, std::size_t num_labels = 4) {
    return asm_test::assemble<AsmX64>(body, num_labels);
}

using asm_test::nops;

// ---- frame ------------------------------------------------------------------------------------

TEST(AsmX64Frame, EntryExitSmallFrameUsesImm8) {
    // [ref] viper f(...) with 9 locals:  push rbp; push rbx; push r12; push r13; sub rsp,0x48
    //       ... sub rsp,0xffffffffffffffb8; pop r13; pop r12; pop rbx; pop rbp; ret
    EXPECT_EQ(assemble([](AsmX64& as) { as.entry(9); }),
              (Bytes{0x55, 0x53, 0x41, 0x54, 0x41, 0x55, 0x48, 0x83, 0xec, 0x48}));
    EXPECT_EQ(assemble([](AsmX64& as) {
                  as.entry(9);
                  as.exit();
              }),
              (Bytes{0x55, 0x53, 0x41, 0x54, 0x41, 0x55, 0x48, 0x83, 0xec, 0x48,  //
                     0x48, 0x83, 0xec, 0xb8, 0x41, 0x5d, 0x41, 0x5c, 0x5b, 0x5d, 0xc3}));
}

TEST(AsmX64Frame, EvenLocalCountIsRoundedUpToOdd) {
    // [ref] native generator with 16 state slots: sub rsp,0x88 (17 slots) / sub rsp,-0x88
    EXPECT_EQ(assemble([](AsmX64& as) {
                  as.entry(16);
                  as.exit();
              }),
              (Bytes{0x55, 0x53, 0x41, 0x54, 0x41, 0x55, 0x48, 0x81, 0xec, 0x88, 0x00, 0x00, 0x00,  //
                     0x48, 0x81, 0xec, 0x78, 0xff, 0xff, 0xff, 0x41, 0x5d, 0x41, 0x5c, 0x5b, 0x5d, 0xc3}));
    // [rule] 0 locals still reserves one slot: sub rsp,8
    EXPECT_EQ(assemble([](AsmX64& as) { as.entry(0); }),
              (Bytes{0x55, 0x53, 0x41, 0x54, 0x41, 0x55, 0x48, 0x83, 0xec, 0x08}));
}

TEST(AsmX64Frame, LargeFrameUsesImm32) {
    // [ref] viper g() with 21 slots: sub rsp,0xa8 ... sub rsp,0xffffffffffffff58
    EXPECT_EQ(assemble([](AsmX64& as) {
                  as.entry(21);
                  as.exit();
              }),
              (Bytes{0x55, 0x53, 0x41, 0x54, 0x41, 0x55, 0x48, 0x81, 0xec, 0xa8, 0x00, 0x00, 0x00,  //
                     0x48, 0x81, 0xec, 0x58, 0xff, 0xff, 0xff, 0x41, 0x5d, 0x41, 0x5c, 0x5b, 0x5d, 0xc3}));
    // [rule] boundary: 15 slots = 0x78 (imm8), 17 slots = 0x88 (imm32); exit of 15 slots = -0x78.
    EXPECT_EQ(assemble([](AsmX64& as) { as.sub_imm(RSP, 0x78); }), (Bytes{0x48, 0x83, 0xec, 0x78}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.sub_imm(RSP, 127); }), (Bytes{0x48, 0x83, 0xec, 0x7f}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.sub_imm(RSP, 128); }),
              (Bytes{0x48, 0x81, 0xec, 0x80, 0x00, 0x00, 0x00}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.sub_imm(RSP, -128); }), (Bytes{0x48, 0x83, 0xec, 0x80}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.sub_imm(RSP, -129); }),
              (Bytes{0x48, 0x81, 0xec, 0x7f, 0xff, 0xff, 0xff}));
}

TEST(AsmX64Frame, LocalSlotsDisp0Disp8Disp32) {
    // [ref] mov QWORD PTR [rsp],rax / [rsp+0x78],rsi / [rsp+0x80],rax / [rsp+0xa0],rax
    EXPECT_EQ(assemble([](AsmX64& as) { as.mov_local_reg(0, RAX); }), (Bytes{0x48, 0x89, 0x04, 0x24}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.mov_local_reg(15, RSI); }),
              (Bytes{0x48, 0x89, 0x74, 0x24, 0x78}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.mov_local_reg(16, RAX); }),
              (Bytes{0x48, 0x89, 0x84, 0x24, 0x80, 0x00, 0x00, 0x00}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.mov_local_reg(20, RAX); }),
              (Bytes{0x48, 0x89, 0x84, 0x24, 0xa0, 0x00, 0x00, 0x00}));
    // [ref] mov rdx,QWORD PTR [rsp] / mov rax,[rsp+0x78] / mov rax,[rsp+0x88] / mov r12,[rsp+0x40]
    EXPECT_EQ(assemble([](AsmX64& as) { as.mov_reg_local(RDX, 0); }), (Bytes{0x48, 0x8b, 0x14, 0x24}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.mov_reg_local(RAX, 15); }),
              (Bytes{0x48, 0x8b, 0x44, 0x24, 0x78}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.mov_reg_local(RAX, 17); }),
              (Bytes{0x48, 0x8b, 0x84, 0x24, 0x88, 0x00, 0x00, 0x00}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.mov_reg_local(R12, 8); }),
              (Bytes{0x4c, 0x8b, 0x64, 0x24, 0x40}));
}

TEST(AsmX64Frame, LocalAddress) {
    // [ref] mov rdi,rsp (slot 0 is rsp itself) / lea rdi,[rsp+0x78] / lea rdx,[rsp+0xa8]
    EXPECT_EQ(assemble([](AsmX64& as) { as.mov_reg_local_addr(RDI, 0); }), (Bytes{0x48, 0x89, 0xe7}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.mov_reg_local_addr(RDI, 15); }),
              (Bytes{0x48, 0x8d, 0x7c, 0x24, 0x78}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.mov_reg_local_addr(RDX, 21); }),
              (Bytes{0x48, 0x8d, 0x94, 0x24, 0xa8, 0x00, 0x00, 0x00}));
}

// ---- moves ------------------------------------------------------------------------------------

TEST(AsmX64Move, RegReg) {
    // [ref] mov rdi,rsi / mov rsi,rdx / mov r12,rcx / mov rdi,r12 / mov r12,rbx / mov rsi,r12
    EXPECT_EQ(assemble([](AsmX64& as) { as.mov_reg_reg(RDI, RSI); }), (Bytes{0x48, 0x89, 0xf7}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.mov_reg_reg(RSI, RDX); }), (Bytes{0x48, 0x89, 0xd6}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.mov_reg_reg(R12, RCX); }), (Bytes{0x49, 0x89, 0xcc}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.mov_reg_reg(RDI, R12); }), (Bytes{0x4c, 0x89, 0xe7}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.mov_reg_reg(R12, RBX); }), (Bytes{0x49, 0x89, 0xdc}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.mov_reg_reg(RSI, R12); }), (Bytes{0x4c, 0x89, 0xe6}));
    // [rule] both extended: mov r10,r9
    EXPECT_EQ(assemble([](AsmX64& as) { as.mov_reg_reg(R10, R9); }), (Bytes{0x4d, 0x89, 0xca}));
}

TEST(AsmX64Move, ImmediateForms) {
    // [ref] mov edx,0x5 / mov edx,0xa000a / mov eax,0x3fffffff / mov edi,0xb
    EXPECT_EQ(assemble([](AsmX64& as) { as.mov_reg_imm(RDX, 5); }), (Bytes{0xba, 0x05, 0x00, 0x00, 0x00}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.mov_reg_imm(RDX, 0xa000a); }),
              (Bytes{0xba, 0x0a, 0x00, 0x0a, 0x00}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.mov_reg_imm(RAX, 0x3fffffff); }),
              (Bytes{0xb8, 0xff, 0xff, 0xff, 0x3f}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.mov_reg_imm(RDI, 0xb); }), (Bytes{0xbf, 0x0b, 0x00, 0x00, 0x00}));
    // [ref] movabs rax,0xffffffffffffffff (viper `a = -1`: negative values never use imm32)
    EXPECT_EQ(assemble([](AsmX64& as) { as.mov_reg_imm(RAX, -1); }),
              (Bytes{0x48, 0xb8, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}));
    // [rule] boundary of the 32-bit unsigned range
    EXPECT_EQ(assemble([](AsmX64& as) { as.mov_reg_imm(RCX, 0xffffffff); }),
              (Bytes{0xb9, 0xff, 0xff, 0xff, 0xff}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.mov_reg_imm(RCX, 0x100000000); }),
              (Bytes{0x48, 0xb9, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.mov_reg_imm(RAX, 0); }), (Bytes{0xb8, 0x00, 0x00, 0x00, 0x00}));
    // [rule] r8-r15 need REX.B: mov r8d,7 / movabs r9,-2
    EXPECT_EQ(assemble([](AsmX64& as) { as.mov_reg_imm(R8, 7); }),
              (Bytes{0x41, 0xb8, 0x07, 0x00, 0x00, 0x00}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.mov_reg_imm(R9, -2); }),
              (Bytes{0x49, 0xb9, 0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}));
}

TEST(AsmX64Move, FixedSizeImmediatesReportPatchOffset) {
    std::size_t at = 0;
    EXPECT_EQ(assemble([&](AsmX64& as) {
                  as.nop();
                  at = as.mov_reg_imm32(R12, 1);
              }),
              (Bytes{0x90, 0x41, 0xbc, 0x01, 0x00, 0x00, 0x00}));
    EXPECT_EQ(at, 3u);
    EXPECT_EQ(assemble([](AsmX64& as) { as.mov_reg_imm64(RDX, 1); }),
              (Bytes{0x48, 0xba, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00}));
}

// ---- memory -----------------------------------------------------------------------------------

TEST(AsmX64Memory, Load64) {
    // [ref] mov rbp,[rdi+0x8] / mov r13,[rbp+0x10] / mov rbp,[rbp+0x0] / mov rbp,[rax] /
    //       mov rdi,[r12] / mov rdi,[r12+0x8] / mov rax,[r12+0x50]
    EXPECT_EQ(assemble([](AsmX64& as) { as.load(Width::W64, RBP, RDI, 8); }), (Bytes{0x48, 0x8b, 0x6f, 0x08}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.load(Width::W64, R13, RBP, 0x10); }),
              (Bytes{0x4c, 0x8b, 0x6d, 0x10}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.load(Width::W64, RBP, RBP, 0); }), (Bytes{0x48, 0x8b, 0x6d, 0x00}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.load(Width::W64, RBP, RAX, 0); }), (Bytes{0x48, 0x8b, 0x28}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.load(Width::W64, RDI, R12, 0); }), (Bytes{0x49, 0x8b, 0x3c, 0x24}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.load_index(Width::W64, RDI, R12, 1); }),
              (Bytes{0x49, 0x8b, 0x7c, 0x24, 0x08}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.load_index(Width::W64, RAX, R12, 10); }),
              (Bytes{0x49, 0x8b, 0x44, 0x24, 0x50}));
    // [rule] r13 base with no displacement still needs disp8 0; r8 base; r15 destination
    EXPECT_EQ(assemble([](AsmX64& as) { as.load(Width::W64, RAX, R13, 0); }), (Bytes{0x49, 0x8b, 0x45, 0x00}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.load(Width::W64, RAX, R8, 0); }), (Bytes{0x49, 0x8b, 0x00}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.load(Width::W64, R15, R9, -8); }),
              (Bytes{0x4d, 0x8b, 0x79, 0xf8}));
}

TEST(AsmX64Memory, DisplacementBoundaries) {
    // [rule] disp8 covers -128..127; beyond is disp32
    EXPECT_EQ(assemble([](AsmX64& as) { as.load(Width::W64, RAX, RDI, 127); }), (Bytes{0x48, 0x8b, 0x47, 0x7f}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.load(Width::W64, RAX, RDI, 128); }),
              (Bytes{0x48, 0x8b, 0x87, 0x80, 0x00, 0x00, 0x00}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.load(Width::W64, RAX, RDI, -128); }), (Bytes{0x48, 0x8b, 0x47, 0x80}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.load(Width::W64, RAX, RDI, -129); }),
              (Bytes{0x48, 0x8b, 0x87, 0x7f, 0xff, 0xff, 0xff}));
    // [ref] mov rax,[rbp+0x160] (a fun-table slot far away)
    EXPECT_EQ(assemble([](AsmX64& as) { as.load(Width::W64, RAX, RBP, 0x160); }),
              (Bytes{0x48, 0x8b, 0x85, 0x60, 0x01, 0x00, 0x00}));
}

TEST(AsmX64Memory, NarrowLoadsZeroExtend) {
    // [ref] movzx eax,BYTE PTR [rbx] / [rbx+0x1] / [rdi]
    EXPECT_EQ(assemble([](AsmX64& as) { as.load(Width::W8, RAX, RBX, 0); }), (Bytes{0x0f, 0xb6, 0x03}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.load_index(Width::W8, RAX, RBX, 1); }),
              (Bytes{0x0f, 0xb6, 0x43, 0x01}));
    // [ref] movzx eax,WORD PTR [r12+0x4] / movzx edi,WORD PTR [r13+0xc] / movzx eax,WORD PTR [rdi]
    EXPECT_EQ(assemble([](AsmX64& as) { as.load_index(Width::W16, RAX, R12, 2); }),
              (Bytes{0x41, 0x0f, 0xb7, 0x44, 0x24, 0x04}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.load_index(Width::W16, RDI, R13, 6); }),
              (Bytes{0x41, 0x0f, 0xb7, 0x7d, 0x0c}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.load(Width::W16, RAX, RDI, 0); }), (Bytes{0x0f, 0xb7, 0x07}));
    // [ref] mov eax,DWORD PTR [rax+0xc] / mov eax,DWORD PTR [rdi]
    EXPECT_EQ(assemble([](AsmX64& as) { as.load_index(Width::W32, RAX, RAX, 3); }), (Bytes{0x8b, 0x40, 0x0c}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.load(Width::W32, RAX, RDI, 0); }), (Bytes{0x8b, 0x07}));
    // [rule] extended destination: movzx r8d,BYTE PTR [rax] / mov r9d,[rax]
    EXPECT_EQ(assemble([](AsmX64& as) { as.load(Width::W8, R8, RAX, 0); }), (Bytes{0x44, 0x0f, 0xb6, 0x00}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.load(Width::W32, R9, RAX, 0); }), (Bytes{0x44, 0x8b, 0x08}));
}

TEST(AsmX64Memory, Stores) {
    // [ref] mov BYTE PTR [rbx],dl / [rbx+0x1],dl / [rbx+0xc8],dl
    EXPECT_EQ(assemble([](AsmX64& as) { as.store(Width::W8, RDX, RBX, 0); }), (Bytes{0x88, 0x13}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.store_index(Width::W8, RDX, RBX, 1); }), (Bytes{0x88, 0x53, 0x01}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.store_index(Width::W8, RDX, RBX, 200); }),
              (Bytes{0x88, 0x93, 0xc8, 0x00, 0x00, 0x00}));
    // [ref] mov WORD PTR [r12],dx / [r12+0x6],dx
    EXPECT_EQ(assemble([](AsmX64& as) { as.store(Width::W16, RDX, R12, 0); }),
              (Bytes{0x66, 0x41, 0x89, 0x14, 0x24}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.store_index(Width::W16, RDX, R12, 3); }),
              (Bytes{0x66, 0x41, 0x89, 0x54, 0x24, 0x06}));
    // [ref] mov DWORD PTR [rax],edx / [rax+0x14],edx
    EXPECT_EQ(assemble([](AsmX64& as) { as.store(Width::W32, RDX, RAX, 0); }), (Bytes{0x89, 0x10}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.store_index(Width::W32, RDX, RAX, 5); }), (Bytes{0x89, 0x50, 0x14}));
    // [ref] mov QWORD PTR [r12+0x28],rax / [r12+0x30],rdi
    EXPECT_EQ(assemble([](AsmX64& as) { as.store_index(Width::W64, RAX, R12, 5); }),
              (Bytes{0x49, 0x89, 0x44, 0x24, 0x28}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.store_index(Width::W64, RDI, R12, 6); }),
              (Bytes{0x49, 0x89, 0x7c, 0x24, 0x30}));
    // [rule] 16-bit store without extended registers has no REX; extended source gets REX.R
    EXPECT_EQ(assemble([](AsmX64& as) { as.store(Width::W16, RAX, RDI, 2); }), (Bytes{0x66, 0x89, 0x47, 0x02}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.store(Width::W8, R10, RAX, 0); }), (Bytes{0x44, 0x88, 0x10}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.store(Width::W64, R8, R13, 0); }),
              (Bytes{0x4d, 0x89, 0x45, 0x00}));
}

// ---- arithmetic -------------------------------------------------------------------------------

TEST(AsmX64Arith, RegRegOps) {
    // [ref] add rsi,rdx / add rax,r12 / sub rsi,rdx / imul rsi,rdx / and / or / xor rsi,rdx / xor rax,rax
    EXPECT_EQ(assemble([](AsmX64& as) { as.add(RSI, RDX); }), (Bytes{0x48, 0x01, 0xd6}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.add(RAX, R12); }), (Bytes{0x4c, 0x01, 0xe0}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.sub(RSI, RDX); }), (Bytes{0x48, 0x29, 0xd6}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.mul(RSI, RDX); }), (Bytes{0x48, 0x0f, 0xaf, 0xf2}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.and_(RSI, RDX); }), (Bytes{0x48, 0x21, 0xd6}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.or_(RSI, RDX); }), (Bytes{0x48, 0x09, 0xd6}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.xor_(RSI, RDX); }), (Bytes{0x48, 0x31, 0xd6}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.xor_(RAX, RAX); }), (Bytes{0x48, 0x31, 0xc0}));
    // [rule] imul puts dest in ModRM.reg: imul r9,rax -> REX.R; imul rax,r9 -> REX.B
    EXPECT_EQ(assemble([](AsmX64& as) { as.mul(R9, RAX); }), (Bytes{0x4c, 0x0f, 0xaf, 0xc8}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.mul(RAX, R9); }), (Bytes{0x49, 0x0f, 0xaf, 0xc1}));
}

TEST(AsmX64Arith, UnaryAndShifts) {
    // [ref] not rbx / neg rbx / shl rax,cl / sar rax,cl / shr rax,cl
    EXPECT_EQ(assemble([](AsmX64& as) { as.not_(RBX); }), (Bytes{0x48, 0xf7, 0xd3}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.neg(RBX); }), (Bytes{0x48, 0xf7, 0xdb}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.shl_cl(RAX); }), (Bytes{0x48, 0xd3, 0xe0}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.sar_cl(RAX); }), (Bytes{0x48, 0xd3, 0xf8}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.shr_cl(RAX); }), (Bytes{0x48, 0xd3, 0xe8}));
    // [rule] not r12 -> REX.B
    EXPECT_EQ(assemble([](AsmX64& as) { as.not_(R12); }), (Bytes{0x49, 0xf7, 0xd4}));
}

// ---- compare / test / setcc ---------------------------------------------------------------------

TEST(AsmX64Compare, CmpSetccTest) {
    // [ref] viper `x < a`: xor rax,rax; cmp rsi,rdx; setl al; test rax,rax
    EXPECT_EQ(assemble([](AsmX64& as) {
                  as.xor_(RAX, RAX);
                  as.cmp(RSI, RDX);
                  as.setcc(CC_L, RAX);
                  as.test64(RAX, RAX);
              }),
              (Bytes{0x48, 0x31, 0xc0, 0x48, 0x39, 0xd6, 0x0f, 0x9c, 0xc0, 0x48, 0x85, 0xc0}));
    // [ref] setb al / sete al
    EXPECT_EQ(assemble([](AsmX64& as) { as.setcc(CC_B, RAX); }), (Bytes{0x0f, 0x92, 0xc0}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.setcc(CC_E, RAX); }), (Bytes{0x0f, 0x94, 0xc0}));
    // [ref] test al,al; and the reference's `test dh,dh` for an 8-bit test of rsi (no REX, so
    //       register 6 means dh -- reproduced on purpose)
    EXPECT_EQ(assemble([](AsmX64& as) { as.test8(RAX, RAX); }), (Bytes{0x84, 0xc0}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.test8(RSI, RSI); }), (Bytes{0x84, 0xf6}));
    EXPECT_THROW(assemble([](AsmX64& as) { as.setcc(CC_E, R8); }), std::logic_error);
}

// ---- control flow -------------------------------------------------------------------------------

TEST(AsmX64Jump, ForwardJumpsAreAlwaysRel32) {
    // [ref] jne 0x39 at 0x25 (0f 85 0e 00 00 00): a forward jump over 14 bytes
    EXPECT_EQ(assemble([](AsmX64& as) {
                  as.jcc(CC_NE, 0);
                  nops(as, 14);
                  as.label_assign(0);
              }),
              (Bytes{0x0f, 0x85, 0x0e, 0x00, 0x00, 0x00, 0x90, 0x90, 0x90, 0x90, 0x90, 0x90, 0x90, 0x90,
                     0x90, 0x90, 0x90, 0x90, 0x90, 0x90}));
    // [ref] jmp 0x178 at 0x173 (e9 00 00 00 00): forward jump to the next instruction
    EXPECT_EQ(assemble([](AsmX64& as) {
                  as.jmp(1);
                  as.label_assign(1);
              }),
              (Bytes{0xe9, 0x00, 0x00, 0x00, 0x00}));
}

TEST(AsmX64Jump, BackwardShortJumps) {
    // [ref] jne 0x2ce at 0x312 (75 ba) and jmp 0x238 at 0x295 (eb a1)
    Bytes jne = assemble([](AsmX64& as) {
        as.label_assign(0);
        nops(as, 0x312 - 0x2ce);
        as.jcc(CC_NE, 0);
    });
    EXPECT_EQ(Bytes(jne.end() - 2, jne.end()), (Bytes{0x75, 0xba}));
    Bytes jmp = assemble([](AsmX64& as) {
        as.label_assign(0);
        nops(as, 0x295 - 0x238);
        as.jmp(0);
    });
    EXPECT_EQ(Bytes(jmp.end() - 2, jmp.end()), (Bytes{0xeb, 0xa1}));
}

TEST(AsmX64Jump, BackwardBoundaryMinus128) {
    // [ref] scanning viper loops of every body size: a backward jne 126 bytes after its target is
    // `75 80` (rel8 = -128); 127 bytes after it is `0f 85 7b ff ff ff` (rel8 would be -129).
    Bytes at126 = assemble([](AsmX64& as) {
        as.label_assign(0);
        nops(as, 126);
        as.jcc(CC_NE, 0);
    });
    EXPECT_EQ(at126.size(), 128u);
    EXPECT_EQ(Bytes(at126.end() - 2, at126.end()), (Bytes{0x75, 0x80}));
    Bytes at127 = assemble([](AsmX64& as) {
        as.label_assign(0);
        nops(as, 127);
        as.jcc(CC_NE, 0);
    });
    EXPECT_EQ(at127.size(), 133u);
    EXPECT_EQ(Bytes(at127.end() - 6, at127.end()), (Bytes{0x0f, 0x85, 0x7b, 0xff, 0xff, 0xff}));
    // [rule] same boundary for jmp: eb 80 / e9 7c ff ff ff (rel32 = -127 - 5)
    Bytes j126 = assemble([](AsmX64& as) {
        as.label_assign(0);
        nops(as, 126);
        as.jmp(0);
    });
    EXPECT_EQ(Bytes(j126.end() - 2, j126.end()), (Bytes{0xeb, 0x80}));
    Bytes j127 = assemble([](AsmX64& as) {
        as.label_assign(0);
        nops(as, 127);
        as.jmp(0);
    });
    EXPECT_EQ(Bytes(j127.end() - 5, j127.end()), (Bytes{0xe9, 0x7c, 0xff, 0xff, 0xff}));
}

TEST(AsmX64Jump, JumpToCurrentPositionIsLong) {
    // [rule] the reference takes the short form only for rel < 0: a label placed exactly here is
    // treated like a forward label (rel32 = -5, i.e. jump to itself).
    EXPECT_EQ(assemble([](AsmX64& as) {
                  as.label_assign(0);
                  as.jmp(0);
              }),
              (Bytes{0xe9, 0xfb, 0xff, 0xff, 0xff}));
}

TEST(AsmX64Jump, ConditionalHelpers) {
    // [ref] prologue arg check: test dh,dh; jne L; mov edx,5; cmp rdx,rdi; je L2
    //       (ASM_JUMP_IF_REG_NONZERO(rsi, bool) and ASM_JUMP_IF_REG_EQ(rdi, rdx))
    Bytes b = assemble([](AsmX64& as) {
        as.jump_if_nonzero(RSI, 0, true);
        as.mov_reg_imm(RDX, 5);
        as.jump_if_equal(RDI, RDX, 1);
        as.label_assign(0);
        as.label_assign(1);
    });
    EXPECT_EQ(b, (Bytes{0x84, 0xf6, 0x0f, 0x85, 0x0e, 0x00, 0x00, 0x00, 0xba, 0x05, 0x00, 0x00, 0x00,
                        0x48, 0x39, 0xfa, 0x0f, 0x84, 0x00, 0x00, 0x00, 0x00}));
    // [ref] test rax,rax; je (64-bit test for a non-bool value); test al,al; je (bool)
    EXPECT_EQ(assemble([](AsmX64& as) {
                  as.jump_if_zero(RAX, 0, false);
                  as.label_assign(0);
              }),
              (Bytes{0x48, 0x85, 0xc0, 0x0f, 0x84, 0x00, 0x00, 0x00, 0x00}));
    EXPECT_EQ(assemble([](AsmX64& as) {
                  as.jump_if_zero(RAX, 0, true);
                  as.label_assign(0);
              }),
              (Bytes{0x84, 0xc0, 0x0f, 0x84, 0x00, 0x00, 0x00, 0x00}));
}

TEST(AsmX64Jump, RegisterJumpAndCalls) {
    // [ref] jmp rax / jmp rbx
    EXPECT_EQ(assemble([](AsmX64& as) { as.jmp_reg(RAX); }), (Bytes{0xff, 0xe0}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.jmp_reg(RBX); }), (Bytes{0xff, 0xe3}));
    // [ref] call through the function table: mov rax,[rbp+0x18]; call rax  (index 3)
    //       mov rax,[rbp+0x160]; call rax  (index 44)
    EXPECT_EQ(assemble([](AsmX64& as) { as.call_ind(3); }), (Bytes{0x48, 0x8b, 0x45, 0x18, 0xff, 0xd0}));
    EXPECT_EQ(assemble([](AsmX64& as) { as.call_ind(44); }),
              (Bytes{0x48, 0x8b, 0x85, 0x60, 0x01, 0x00, 0x00, 0xff, 0xd0}));
    // [rule] index 0 still needs disp8 (rbp base)
    EXPECT_EQ(assemble([](AsmX64& as) { as.call_ind(0); }), (Bytes{0x48, 0x8b, 0x45, 0x00, 0xff, 0xd0}));
}

TEST(AsmX64Jump, PcRelativeLea) {
    // [ref] lea rax,[rip+0xa] with the label 10 bytes after the instruction; lea rbx,[rip+0x44]
    EXPECT_EQ(assemble([](AsmX64& as) {
                  as.mov_reg_pcrel(RAX, 0);
                  nops(as, 10);
                  as.label_assign(0);
              }),
              (Bytes{0x48, 0x8d, 0x05, 0x0a, 0x00, 0x00, 0x00, 0x90, 0x90, 0x90, 0x90, 0x90, 0x90, 0x90,
                     0x90, 0x90, 0x90}));
    Bytes b = assemble([](AsmX64& as) {
        as.mov_reg_pcrel(RBX, 0);
        nops(as, 0x44);
        as.label_assign(0);
    });
    EXPECT_EQ(Bytes(b.begin(), b.begin() + 7), (Bytes{0x48, 0x8d, 0x1d, 0x44, 0x00, 0x00, 0x00}));
    // [rule] backward target: negative rel32
    Bytes back = assemble([](AsmX64& as) {
        as.label_assign(0);
        as.nop();
        as.mov_reg_pcrel(RAX, 0);
    });
    EXPECT_EQ(back, (Bytes{0x90, 0x48, 0x8d, 0x05, 0xf8, 0xff, 0xff, 0xff}));
}

TEST(AsmX64Jump, PushPop) {
    // [ref] push rbp / push r12 / pop r13 / pop rbx
    EXPECT_EQ(assemble([](AsmX64& as) {
                  as.push(RBP);
                  as.push(R12);
                  as.pop(R13);
                  as.pop(RBX);
              }),
              (Bytes{0x55, 0x41, 0x54, 0x41, 0x5d, 0x5b}));
}

// ---- passes, dead code, data ---------------------------------------------------------------------

TEST(AsmX64Passes, SuppressedCodeIsNeitherWrittenNorCounted) {
    Bytes b = assemble([](AsmX64& as) {
        as.jmp(0);
        as.suppress_code();
        as.nop();
        as.mov_reg_imm(RAX, 1);
        as.label_assign(0);  // ends the dead region
        as.ret();
    });
    EXPECT_EQ(b, (Bytes{0xe9, 0x00, 0x00, 0x00, 0x00, 0xc3}));
}

TEST(AsmX64Passes, LabelOffsetsAndErrors) {
    AsmX64 as;
    as.set_num_labels(2);
    as.start_pass(false);
    EXPECT_EQ(as.label_offset(1), -1);
    as.nop();
    as.label_assign(1);
    EXPECT_EQ(as.label_offset(1), 1);
    EXPECT_THROW(as.label_assign(1), std::logic_error);  // twice in one pass
    EXPECT_THROW(as.label_assign(5), std::logic_error);  // out of range
    as.start_pass(true);
    EXPECT_EQ(as.label_offset(1), 1);  // the emit pass keeps the size pass's offsets
    EXPECT_THROW(as.label_assign(1), std::logic_error);  // moved: now at 0, was at 1
}

TEST(AsmX64Passes, EmitPassMustNotGrow) {
    AsmX64 as;
    as.set_num_labels(1);
    as.start_pass(false);
    as.nop();
    as.start_pass(true);
    as.nop();
    EXPECT_THROW(as.nop(), std::logic_error);
}

TEST(AsmX64Passes, DataRawAlign) {
    Bytes b = assemble([](AsmX64& as) {
        as.data(8, 0x70);              // e.g. a generator's start offset word
        as.data(2, 0x1234);            // little-endian
        const std::uint8_t v[] = {0x81, 0x01};
        as.raw(v);                     // e.g. an encoded varuint
        as.align(8);                   // gap is zero
        as.data(1, 0xff);
    });
    EXPECT_EQ(b, (Bytes{0x70, 0, 0, 0, 0, 0, 0, 0, 0x34, 0x12, 0x81, 0x01, 0, 0, 0, 0, 0xff}));
}

// ---- a whole function ----------------------------------------------------------------------------

TEST(AsmX64WholeFunction, ViperWhileLoopMatchesReference) {
    // [ref] all 160 bytes mpy-cross 1.27.0 -march=x64 made for
    //     @micropython.viper
    //     def f(x: int) -> int:
    //         while x > 3:
    //             x -= 1
    //         return x
    // driven here through the same operations (and labels) the native emitter uses.
    const Bytes reference{
        0x55, 0x53, 0x41, 0x54, 0x41, 0x55, 0x48, 0x83, 0xec, 0x18, 0x48, 0x8b, 0x6f, 0x08, 0x4c, 0x8b,
        0x6d, 0x10, 0x48, 0x8b, 0x6d, 0x18, 0x48, 0x8b, 0x6d, 0x00, 0x48, 0x89, 0xf7, 0x48, 0x89, 0xd6,
        0x49, 0x89, 0xcc, 0x84, 0xf6, 0x0f, 0x85, 0x0e, 0x00, 0x00, 0x00, 0xba, 0x01, 0x00, 0x00, 0x00,
        0x48, 0x39, 0xfa, 0x0f, 0x84, 0x0e, 0x00, 0x00, 0x00, 0xba, 0x02, 0x00, 0x02, 0x00, 0x48, 0x8b,
        0x85, 0x60, 0x01, 0x00, 0x00, 0xff, 0xd0, 0x49, 0x8b, 0x3c, 0x24, 0xbe, 0x02, 0x00, 0x00, 0x00,
        0x48, 0x8b, 0x45, 0x18, 0xff, 0xd0, 0x48, 0x89, 0xc3, 0xe9, 0x0e, 0x00, 0x00, 0x00, 0xba, 0x01,
        0x00, 0x00, 0x00, 0x48, 0x89, 0xde, 0x48, 0x29, 0xd6, 0x48, 0x89, 0xf3, 0xba, 0x03, 0x00, 0x00,
        0x00, 0x48, 0x89, 0xde, 0x48, 0x31, 0xc0, 0x48, 0x39, 0xd6, 0x0f, 0x9f, 0xc0, 0x48, 0x85, 0xc0,
        0x75, 0xdc, 0x48, 0x89, 0xdf, 0xbe, 0x02, 0x00, 0x00, 0x00, 0x48, 0x8b, 0x45, 0x20, 0xff, 0xd0,
        0xe9, 0x00, 0x00, 0x00, 0x00, 0x48, 0x83, 0xec, 0xe8, 0x41, 0x5d, 0x41, 0x5c, 0x5b, 0x5d, 0xc3,
    };
    enum : std::size_t { kArgBad, kArgOk, kLoopBody, kLoopCond, kExit, kNumLabels };
    const Bytes ours = assemble(
        [](AsmX64& as) {
            as.entry(3);
            as.load(Width::W64, RBP, RDI, 8);             // fun_table <- fun->context
            as.load(Width::W64, R13, RBP, 0x10);          // qstr table
            as.load_index(Width::W64, RBP, RBP, 3);
            as.load_index(Width::W64, RBP, RBP, 0);
            as.mov_reg_reg(RDI, RSI);                     // n_args, n_kw, args
            as.mov_reg_reg(RSI, RDX);
            as.mov_reg_reg(R12, RCX);
            as.jump_if_nonzero(RSI, kArgBad, true);       // keywords given?
            as.mov_reg_imm(RDX, 1);
            as.jump_if_equal(RDI, RDX, kArgOk);           // exactly one positional argument?
            as.label_assign(kArgBad);
            as.mov_reg_imm(RDX, 0x20002);
            as.call_ind(44);                              // arg_check_num_sig
            as.label_assign(kArgOk);
            as.load(Width::W64, RDI, R12, 0);             // convert x to a native int
            as.mov_reg_imm(RSI, 2);
            as.call_ind(3);
            as.mov_reg_reg(RBX, RAX);
            as.jmp(kLoopCond);
            as.label_assign(kLoopBody);                   // x -= 1
            as.mov_reg_imm(RDX, 1);
            as.mov_reg_reg(RSI, RBX);
            as.sub(RSI, RDX);
            as.mov_reg_reg(RBX, RSI);
            as.label_assign(kLoopCond);                   // while x > 3
            as.mov_reg_imm(RDX, 3);
            as.mov_reg_reg(RSI, RBX);
            as.xor_(RAX, RAX);
            as.cmp(RSI, RDX);
            as.setcc(CC_G, RAX);
            as.jump_if_nonzero(RAX, kLoopBody, false);
            as.mov_reg_reg(RDI, RBX);                     // return x (converted to an object)
            as.mov_reg_imm(RSI, 2);
            as.call_ind(4);
            as.jmp(kExit);
            as.suppress_code();                           // dead code until the next label
            as.nop();
            as.label_assign(kExit);
            as.exit();
        },
        kNumLabels);
    EXPECT_EQ(ours, reference);
}

}  // namespace
}  // namespace mpy
