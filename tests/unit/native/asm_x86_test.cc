// Unit tests for the 32-bit x86 assembler (compiler/asm/x86/asm_x86.h).
//
// Where the expected bytes come from:
//   [ref]  found in the machine code mpy-cross 1.28.0 -march=x86 produced for viper / native
//          functions of ours (tests/native/expected/1.28/x86 and small programs), disassembled with
//          `objdump -D -b binary -mi386 -M intel`; the disassembly is quoted next to them.
//   [rule] not seen in reference output; derived from the reference assembler's rules (no
//          displacement for a 0 offset except on ebp, SIB byte for an esp base, imm8 forms when
//          the value fits, ...) and checked by decoding with objdump.
#include "compiler/asm/x86/asm_x86.h"
#include "compiler/native/native_asm.h"
#include "compiler/native/native_runtime.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <vector>

#include "tests/unit/native/asm_test_util.h"

namespace mpy {
namespace {

using namespace x86;
using asm_test::Bytes;

Bytes assemble(const std::function<void(AsmX86&)>& body, std::size_t num_labels = 4) {
    return asm_test::assemble<AsmX86>(body, num_labels);
}

using asm_test::nops;

// The bytes after the first `skip` bytes (to look at what follows entry()).
Bytes tail(const Bytes& b, std::size_t skip) { return Bytes(b.begin() + static_cast<long>(skip), b.end()); }

// ---- frame, arguments, locals -------------------------------------------------------------------

TEST(AsmX86Frame, EntryRoundsLocalsUpToThreeModFourAndExitUndoesIt) {
    // [ref] viper f(p, i) with 5 locals: push ebp; push ebx; push esi; push edi; sub esp,0x1c
    //       ... sub esp,0xffffffe4; pop edi; pop esi; pop ebx; pop ebp; ret
    EXPECT_EQ(assemble([](AsmX86& as) {
                  as.entry(5);
                  as.exit();
              }),
              (Bytes{0x55, 0x53, 0x56, 0x57, 0x83, 0xec, 0x1c,  //
                     0x83, 0xec, 0xe4, 0x5f, 0x5e, 0x5b, 0x5d, 0xc3}));
    // [rule] 4 locals -> 7 slots (28 bytes), 0 -> 3.
    EXPECT_EQ(tail(assemble([](AsmX86& as) { as.entry(4); }), 4), (Bytes{0x83, 0xec, 0x1c}));
    EXPECT_EQ(tail(assemble([](AsmX86& as) { as.entry(0); }), 4), (Bytes{0x83, 0xec, 0x0c}));
}

TEST(AsmX86Frame, LargeFrameUsesImm32) {
    // [ref] native function with 35 slots: sub esp,0x8c (81 ec 8c 00 00 00)
    EXPECT_EQ(tail(assemble([](AsmX86& as) { as.entry(33); }), 4), (Bytes{0x81, 0xec, 0x8c, 0x00, 0x00, 0x00}));
    // [rule] exit: sub esp,-0x8c
    EXPECT_EQ(tail(assemble([](AsmX86& as) {
                       as.entry(33);
                       as.exit();
                   }),
                   10),
              (Bytes{0x81, 0xec, 0x74, 0xff, 0xff, 0xff, 0x5f, 0x5e, 0x5b, 0x5d, 0xc3}));
}

TEST(AsmX86Frame, NegativeLocalCountIsAnInternalError) {
    AsmX86 as;
    as.start_pass(false);
    EXPECT_THROW(as.entry(-1), std::logic_error);
}

TEST(AsmX86Frame, ArgumentsLiePastLocalsSavedRegistersAndReturnAddress) {
    // [ref] frame of 7 slots: mov eax,[esp+0x30]; mov eax,[esp+0x34]; mov ecx,[esp+0x38];
    //       mov esi,[esp+0x3c]  (7 + 4 + 1 = 12 words to argument 0)
    EXPECT_EQ(tail(assemble([](AsmX86& as) {
                       as.entry(5);
                       as.mov_reg_arg(EAX, 0);
                       as.mov_reg_arg(EAX, 1);
                       as.mov_reg_arg(ECX, 2);
                       as.mov_reg_arg(ESI, 3);
                   }),
                   7),
              (Bytes{0x8b, 0x44, 0x24, 0x30, 0x8b, 0x44, 0x24, 0x34, 0x8b, 0x4c, 0x24, 0x38, 0x8b, 0x74, 0x24, 0x3c}));
    // [rule] a frame of 31 slots (sub esp,0x7c) puts argument 0 at 36 words = 0x90: disp32.
    EXPECT_EQ(tail(assemble([](AsmX86& as) {
                       as.entry(31);
                       as.mov_reg_arg(EAX, 0);
                   }),
                   7),
              (Bytes{0x8b, 0x84, 0x24, 0x90, 0x00, 0x00, 0x00}));
}

TEST(AsmX86Frame, LocalsAreEspRelativeWithSib) {
    // [ref] mov [esp],eax; mov ecx,[esp]; mov [esp+0xc],eax; mov eax,[esp+0xc]
    EXPECT_EQ(assemble([](AsmX86& as) {
                  as.mov_local_reg(0, EAX);
                  as.mov_reg_local(ECX, 0);
                  as.mov_local_reg(3, EAX);
                  as.mov_reg_local(EAX, 3);
              }),
              (Bytes{0x89, 0x04, 0x24, 0x8b, 0x0c, 0x24, 0x89, 0x44, 0x24, 0x0c, 0x8b, 0x44, 0x24, 0x0c}));
    // [rule] slot 40: disp32 0xa0
    EXPECT_EQ(assemble([](AsmX86& as) { as.mov_reg_local(EDX, 40); }),
              (Bytes{0x8b, 0x94, 0x24, 0xa0, 0x00, 0x00, 0x00}));
}

TEST(AsmX86Frame, LocalAddressIsMovForSlotZeroElseLea) {
    // [ref] mov eax,esp ; lea eax,[esp+0x28]
    EXPECT_EQ(assemble([](AsmX86& as) {
                  as.mov_reg_local_addr(EAX, 0);
                  as.mov_reg_local_addr(EAX, 10);
              }),
              (Bytes{0x89, 0xe0, 0x8d, 0x44, 0x24, 0x28}));
}

TEST(AsmX86Frame, PcRelativeAddressIsCallPopAdd) {
    // [ref] call +0; pop ebx; add ebx,0x53 -- the label lies 0x53 bytes past the call's end.
    const Bytes b = assemble([](AsmX86& as) {
        as.mov_reg_pcrel(EBX, 0);
        nops(as, 0x53 - 7);
        as.label_assign(0);
    });
    EXPECT_EQ(Bytes(b.begin(), b.begin() + 12),
              (Bytes{0xe8, 0x00, 0x00, 0x00, 0x00, 0x5b, 0x81, 0xc3, 0x53, 0x00, 0x00, 0x00}));
    // [rule] a backward label gives a negative distance, still imm32.
    EXPECT_EQ(tail(assemble([](AsmX86& as) {
                       as.label_assign(0);
                       as.nop();
                       as.mov_reg_pcrel(EAX, 0);
                   }),
                   1),
              (Bytes{0xe8, 0x00, 0x00, 0x00, 0x00, 0x58, 0x81, 0xc0, 0xfa, 0xff, 0xff, 0xff}));
}

// ---- moves and memory -----------------------------------------------------------------------------

TEST(AsmX86Memory, MovImmIsAlwaysFiveBytes) {
    // [ref] mov edx,0x40004 ; mov ecx,0x5
    EXPECT_EQ(assemble([](AsmX86& as) {
                  as.mov_reg_imm(EDX, 0x40004);
                  as.mov_reg_imm(ECX, 5);
              }),
              (Bytes{0xba, 0x04, 0x00, 0x04, 0x00, 0xb9, 0x05, 0x00, 0x00, 0x00}));
    // [rule] zero and all-ones are not shortened; the immediate's offset is returned.
    AsmX86 as;
    as.set_num_labels(0);
    as.start_pass(false);
    as.nop();
    EXPECT_EQ(as.mov_reg_imm(EDI, 0xffffffffu), 2u);
    EXPECT_EQ(assemble([](AsmX86& a) { a.mov_reg_imm(EAX, 0); }), (Bytes{0xb8, 0x00, 0x00, 0x00, 0x00}));
}

TEST(AsmX86Memory, RegisterMoves) {
    // [ref] mov ebx,eax; mov eax,ebx; mov edx,ecx
    EXPECT_EQ(assemble([](AsmX86& as) {
                  as.mov_reg_reg(EBX, EAX);
                  as.mov_reg_reg(EAX, EBX);
                  as.mov_reg_reg(EDX, ECX);
              }),
              (Bytes{0x89, 0xc3, 0x89, 0xd8, 0x89, 0xca}));
}

TEST(AsmX86Memory, LoadsZeroExtendAndPickTheShortestDisplacement) {
    // [ref] mov eax,[esi]; mov eax,[esi+0x4]; movzx eax,byte [ebx+0x3];
    //       movzx eax,word [ebx+0x258]; mov eax,[esi+0xa0]; mov ebp,[ebp+0x0]
    EXPECT_EQ(assemble([](AsmX86& as) {
                  as.load(Width::W32, EAX, ESI, 0);
                  as.load(Width::W32, EAX, ESI, 4);
                  as.load(Width::W8, EAX, EBX, 3);
                  as.load(Width::W16, EAX, EBX, 0x258);
                  as.load(Width::W32, EAX, ESI, 0xa0);
                  as.load(Width::W32, EBP, EBP, 0);
              }),
              (Bytes{0x8b, 0x06, 0x8b, 0x46, 0x04, 0x0f, 0xb6, 0x43, 0x03, 0x0f, 0xb7, 0x83, 0x58, 0x02, 0x00, 0x00,
                     0x8b, 0x86, 0xa0, 0x00, 0x00, 0x00, 0x8b, 0x6d, 0x00}));
    // [rule] negative disp8 and disp32
    EXPECT_EQ(assemble([](AsmX86& as) {
                  as.load(Width::W8, ECX, EAX, -128);
                  as.load(Width::W16, ECX, EAX, -129);
              }),
              (Bytes{0x0f, 0xb6, 0x48, 0x80, 0x0f, 0xb7, 0x88, 0x7f, 0xff, 0xff, 0xff}));
}

TEST(AsmX86Memory, StoresOfEachWidth) {
    // [ref] mov byte [eax],dl; mov word [ebx+0x2],dx; mov [esi+0x8],edx
    EXPECT_EQ(assemble([](AsmX86& as) {
                  as.store(Width::W8, EDX, EAX, 0);
                  as.store(Width::W16, EDX, EBX, 2);
                  as.store(Width::W32, EDX, ESI, 8);
              }),
              (Bytes{0x88, 0x10, 0x66, 0x89, 0x53, 0x02, 0x89, 0x56, 0x08}));
    // [rule] an ebp base with offset 0 still takes a disp8; disp32 for 0x1000
    EXPECT_EQ(assemble([](AsmX86& as) {
                  as.store(Width::W8, EDX, EBP, 0);
                  as.store(Width::W32, EAX, ECX, 0x1000);
              }),
              (Bytes{0x88, 0x55, 0x00, 0x89, 0x81, 0x00, 0x10, 0x00, 0x00}));
}

// ---- arithmetic -----------------------------------------------------------------------------------

TEST(AsmX86Arith, TwoRegisterOperations) {
    // [ref] add ecx,edx; sub ecx,edx; imul ecx,edx; and ecx,edx; or ecx,edx; xor ecx,edx; xor eax,eax
    EXPECT_EQ(assemble([](AsmX86& as) {
                  as.add(ECX, EDX);
                  as.sub(ECX, EDX);
                  as.mul(ECX, EDX);
                  as.and_(ECX, EDX);
                  as.or_(ECX, EDX);
                  as.xor_(ECX, EDX);
                  as.xor_(EAX, EAX);
              }),
              (Bytes{0x01, 0xd1, 0x29, 0xd1, 0x0f, 0xaf, 0xca, 0x21, 0xd1, 0x09, 0xd1, 0x31, 0xd1, 0x31, 0xc0}));
}

TEST(AsmX86Arith, UnaryAndShifts) {
    // [ref] not eax; neg eax; shl eax,cl; shr eax,cl;  [rule] sar eax,cl
    EXPECT_EQ(assemble([](AsmX86& as) {
                  as.not_(EAX);
                  as.neg(EAX);
                  as.shl_cl(EAX);
                  as.shr_cl(EAX);
                  as.sar_cl(EAX);
              }),
              (Bytes{0xf7, 0xd0, 0xf7, 0xd8, 0xd3, 0xe0, 0xd3, 0xe8, 0xd3, 0xf8}));
}

TEST(AsmX86Arith, ImmediateAddSubUseImm8WhenItFits) {
    // [ref] add esp,0x10; sub esp,0x4;  [rule] add esp,0x200 (imm32), sub esi,-0x80 (imm8)
    EXPECT_EQ(assemble([](AsmX86& as) {
                  as.add_imm(ESP, 16);
                  as.sub_imm(ESP, 4);
                  as.add_imm(ESP, 0x200);
                  as.sub_imm(ESI, -128);
              }),
              (Bytes{0x83, 0xc4, 0x10, 0x83, 0xec, 0x04, 0x81, 0xc4, 0x00, 0x02, 0x00, 0x00, 0x83, 0xee, 0x80}));
}

// ---- compare, test, setcc ------------------------------------------------------------------------

TEST(AsmX86Compare, CmpSetccAndTests) {
    // [ref] cmp ecx,edx; setb al; setae al; test cl,cl; test eax,eax;  [rule] test ebx,ebx; setg dl
    EXPECT_EQ(assemble([](AsmX86& as) {
                  as.cmp(ECX, EDX);
                  as.setcc(CC_B, EAX);
                  as.setcc(CC_AE, EAX);
                  as.test8(ECX, ECX);
                  as.test32(EAX, EAX);
                  as.test32(EBX, EBX);
                  as.setcc(CC_G, EDX);
              }),
              (Bytes{0x39, 0xd1, 0x0f, 0x92, 0xc0, 0x0f, 0x93, 0xc0, 0x84, 0xc9, 0x85, 0xc0, 0x85, 0xdb, 0x0f, 0x9f,
                     0xc2}));
}

// ---- control flow ---------------------------------------------------------------------------------

TEST(AsmX86Jumps, ForwardJumpsAreLong) {
    // [ref] test cl,cl; jne +0xd (the ASM_JUMP_IF_REG_NONZERO of a viper entry);
    //       mov edx,0x2; cmp edx,eax; je (ASM_JUMP_IF_REG_EQ eax, edx)
    const Bytes b = assemble([](AsmX86& as) {
        as.jump_if_nonzero(ECX, 0, true);
        as.mov_reg_imm(EDX, 2);
        as.jump_if_equal(EAX, EDX, 1);
        as.label_assign(0);
        as.label_assign(1);
    });
    EXPECT_EQ(b, (Bytes{0x84, 0xc9, 0x0f, 0x85, 0x0d, 0x00, 0x00, 0x00, 0xba, 0x02, 0x00, 0x00, 0x00, 0x39, 0xc2,
                        0x0f, 0x84, 0x00, 0x00, 0x00, 0x00}));
    // [ref] jmp to the next instruction is rel32 0 (the return's jump to the exit label)
    EXPECT_EQ(assemble([](AsmX86& as) {
                  as.jmp(0);
                  as.label_assign(0);
              }),
              (Bytes{0xe9, 0x00, 0x00, 0x00, 0x00}));
}

TEST(AsmX86Jumps, BackwardJumpsAreShortWhenTheyFit) {
    // [rule] label at 0; 2 nops; jmp -> eb fc; test eax,eax; jz -> 74 f8
    EXPECT_EQ(assemble([](AsmX86& as) {
                  as.label_assign(0);
                  nops(as, 2);
                  as.jmp(0);
                  as.jump_if_zero(EAX, 0, false);
              }),
              (Bytes{0x90, 0x90, 0xeb, 0xfc, 0x85, 0xc0, 0x74, 0xf8}));
    // [rule] 130 bytes back no longer fits rel8: jmp rel32 -0x87
    const Bytes far = assemble([](AsmX86& as) {
        as.label_assign(0);
        nops(as, 130);
        as.jmp(0);
    });
    EXPECT_EQ(tail(far, 130), (Bytes{0xe9, 0x79, 0xff, 0xff, 0xff}));
}

TEST(AsmX86Jumps, JumpThroughRegister) {
    // [ref] jmp ebx;  [rule] jmp eax
    EXPECT_EQ(assemble([](AsmX86& as) {
                  as.jmp_reg(EBX);
                  as.jmp_reg(EAX);
              }),
              (Bytes{0xff, 0xe3, 0xff, 0xe0}));
}

// ---- runtime calls (cdecl) ------------------------------------------------------------------------

TEST(AsmX86Calls, ArgumentsArePushedLastFirstWithStackPadding) {
    // [ref] 0 args (nlr_pop, word 33): mov eax,[ebp+0x84]; call eax -- nothing to pop
    EXPECT_EQ(assemble([](AsmX86& as) { as.call_ind(33, 0, EAX); }),
              (Bytes{0x8b, 0x85, 0x84, 0x00, 0x00, 0x00, 0xff, 0xd0}));
    // [ref] 1 arg (nlr_push, word 32): sub esp,0xc; push eax; mov eax,[ebp+0x80]; call eax; add esp,0x10
    EXPECT_EQ(assemble([](AsmX86& as) { as.call_ind(32, 1, EAX); }),
              (Bytes{0x83, 0xec, 0x0c, 0x50, 0x8b, 0x85, 0x80, 0x00, 0x00, 0x00, 0xff, 0xd0, 0x83, 0xc4, 0x10}));
    // [ref] 2 args (convert_obj_to_native, word 3): sub esp,0x8; push ecx; push eax; mov eax,[ebp+0xc]
    EXPECT_EQ(assemble([](AsmX86& as) { as.call_ind(3, 2, EAX); }),
              (Bytes{0x83, 0xec, 0x08, 0x51, 0x50, 0x8b, 0x45, 0x0c, 0xff, 0xd0, 0x83, 0xc4, 0x10}));
    // [ref] 3 args (arg_check_num_sig, word 44)
    EXPECT_EQ(assemble([](AsmX86& as) { as.call_ind(44, 3, EAX); }),
              (Bytes{0x83, 0xec, 0x04, 0x52, 0x51, 0x50, 0x8b, 0x85, 0xb0, 0x00, 0x00, 0x00, 0xff, 0xd0, 0x83, 0xc4,
                     0x10}));
    // [ref] 4 args (setup_code_state, word 45): no padding, ebx pushed first
    EXPECT_EQ(assemble([](AsmX86& as) { as.call_ind(45, 4, EAX); }),
              (Bytes{0x53, 0x52, 0x51, 0x50, 0x8b, 0x85, 0xb4, 0x00, 0x00, 0x00, 0xff, 0xd0, 0x83, 0xc4, 0x10}));
}

TEST(AsmX86Calls, ThroughAnotherTemporary) {
    // [rule] through edx: mov edx,[ebp+0x8]; call edx
    EXPECT_EQ(assemble([](AsmX86& as) { as.call_ind(2, 0, EDX); }), (Bytes{0x8b, 0x55, 0x08, 0xff, 0xd2}));
}

TEST(AsmX86Calls, MoreThanFourArgumentsIsAnInternalError) {
    AsmX86 as;
    as.start_pass(false);
    EXPECT_THROW(as.call_ind(1, 5, EAX), std::logic_error);
}

// ---- passes and dead code -------------------------------------------------------------------------

TEST(AsmX86Passes, SuppressedCodeTakesNoSpaceUntilTheNextLabel) {
    EXPECT_EQ(assemble([](AsmX86& as) {
                  as.ret();
                  as.suppress_code();
                  as.mov_reg_imm(EAX, 1);
                  as.label_assign(0);
                  as.nop();
              }),
              (Bytes{0xc3, 0x90}));
}

// ---- the back end (-march=x86) over the assembler -----------------------------------------------

// What the x86 back end writes for `body` (one emit pass; no labels).
Bytes backend_bytes(const std::function<void(NativeAsm&)>& body) {
    std::unique_ptr<NativeAsm> as = make_native_asm(NativeConfig{NativeArch::X86});
    EXPECT_NE(as, nullptr);
    if (as == nullptr) return {};
    as->set_num_labels(0);
    as->start_pass(false);
    body(*as);
    as->start_pass(true);
    body(*as);
    return as->bytes();
}

TEST(X86Backend, RuntimeCallsPushAsManyArgumentsAsTheFunctionTakes) {
    using namespace native_rt;
    // [ref] binary_op (3 arguments, word 18): sub esp,0x4; push edx; push ecx; push eax;
    //       mov eax,[ebp+0x48]; call eax; add esp,0x10
    EXPECT_EQ(backend_bytes([](NativeAsm& as) { as.call_ind(kBinaryOp); }),
              (Bytes{0x83, 0xec, 0x04, 0x52, 0x51, 0x50, 0x8b, 0x45, 0x48, 0xff, 0xd0, 0x83, 0xc4, 0x10}));
    // [ref] native_swap_globals (1 argument, word 5)
    EXPECT_EQ(backend_bytes([](NativeAsm& as) { as.call_ind(kSwapGlobals); }),
              (Bytes{0x83, 0xec, 0x0c, 0x50, 0x8b, 0x45, 0x14, 0xff, 0xd0, 0x83, 0xc4, 0x10}));
    // [ref] load_build_class takes none: nothing pushed, nothing popped
    EXPECT_EQ(backend_bytes([](NativeAsm& as) { as.call_ind(kLoadBuildClass); }),
              (Bytes{0x8b, 0x45, 0x20, 0xff, 0xd0}));
}

TEST(X86Backend, OffsetsCountElementsAndWrapLikeTheReference) {
    // [ref] viper q[2] = ... on ptr32 and p[1] on ptr16: [esi+0x8], [ebx+0x2]
    EXPECT_EQ(backend_bytes([](NativeAsm& as) {
                  as.store(NWidth::W32, EDX, ESI, 2);
                  as.store(NWidth::W16, EDX, EBX, 1);
              }),
              (Bytes{0x89, 0x56, 0x08, 0x66, 0x89, 0x53, 0x02}));
    // [ref] p[0x20000001] = 1 on ptr32: 4 * index wraps to the displacement 0x80000004
    EXPECT_EQ(backend_bytes([](NativeAsm& as) { as.store(NWidth::W32, EDX, EBX, 0x20000001); }),
              (Bytes{0x89, 0x93, 0x04, 0x00, 0x00, 0x80}));
}

TEST(X86Backend, ImmediatesAreTakenModulo32Bits) {
    // [rule] the reference's parameter is an int32_t
    EXPECT_EQ(backend_bytes([](NativeAsm& as) { as.mov_reg_imm(ECX, 0x100000005LL); }),
              (Bytes{0xb9, 0x05, 0x00, 0x00, 0x00}));
}

}  // namespace
}  // namespace mpy
