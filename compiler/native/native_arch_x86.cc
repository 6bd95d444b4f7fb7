// The 32-bit x86 back end of the native emitter (-march=x86): register roles, the nlr buffer as
// mpy-cross sizes it, the cdecl argument counts of the runtime's functions, and the generic
// operations over AsmX86 (those it shares with x64 are in native_arch_x86_family.h).
#include "compiler/asm/x86/asm_x86.h"
#include "compiler/native/native_arch.h"
#include "compiler/native/native_arch_x86_family.h"
#include "compiler/native/native_runtime.h"

namespace mpy {

namespace {

using namespace x86;

// Arguments are passed on the stack, but the emitter works with registers: it puts a call's
// arguments in eax, ecx, edx, ebx and call_ind pushes them.  ebx, esi, edi hold locals (ebx
// doubles as the fourth argument, which only mp_setup_code_state takes).  nlr_buf for x86:
// 2 + 6 saved registers + 1 spare word; ebx is its sixth word.  Shifts count in cl; a byte
// store's value must be in one of eax..ebx.
constexpr NativeTarget kX86Target{
    .word_size = 4, .nlr_buf_words = 2 + 6 + 1, .nlr_idx_local1 = 5,
    .ret = EAX, .arg1 = kRegArg1, .arg2 = kRegArg2, .arg3 = kRegArg3, .arg4 = kRegArg4,
    .temp0 = EAX, .temp1 = ECX, .temp2 = EDX,
    .local1 = EBX, .local2 = ESI, .local3 = EDI,
    .fun_table = kRegFunTable, .call_temp = EAX, .setup_code_state_temp = EAX,
    .shift_count_reg = ECX, .store_value_in_fixed_reg = true, .args_on_stack = true,
};

// How many (word) arguments each entry of mp_fun_table takes: call_ind pushes that many.  The
// constants at the start of the table are never called.
unsigned runtime_arg_count(std::size_t fun) {
    using namespace native_rt;
    switch (static_cast<FunIndex>(fun)) {
        case kLoadBuildClass:
        case kNlrPop: return 0;
        case kSwapGlobals:
        case kLoadName:
        case kLoadGlobal:
        case kObjIsTrue:
        case kBuildMap:
        case kIterNext:
        case kNlrPush:
        case kNativeRaise:
        case kImportAll:
        case kDeleteName:
        case kDeleteGlobal:
        case kSetjmp: return 1;
        case kConvertObjToNative:
        case kConvertNativeToObj:
        case kLoadAttr:
        case kLoadSuperMethod:
        case kStoreName:
        case kStoreGlobal:
        case kUnaryOp:
        case kBuildTuple:
        case kBuildList:
        case kBuildSet:
        case kStoreSet:
        case kListAppend:
        case kGetIter:
        case kImportFrom:
        case kSmallIntFloorDivide:
        case kSmallIntModulo: return 2;
        case kLoadMethod:
        case kStoreAttr:
        case kObjSubscr:
        case kBinaryOp:
        case kStoreMap:
        case kMakeFunctionFromProtoFun:
        case kCallFunctionNKw:
        case kCallMethodNKw:
        case kCallMethodNKwVar:
        case kImportName:
        case kNewSlice:
        case kUnpackSequence:
        case kUnpackEx:
        case kNewClosure:
        case kArgCheckNumSig:
        case kYieldFrom: return 3;
        case kSetupCodeState: return 4;
        default: return 0;
    }
}

// index elements of width w in bytes; a viper index near 2^30 overflows 32 bits, and the
// reference's displacement then wraps (it is an int): so does this one, without overflow.
std::int32_t byte_offset(Width w, std::int32_t index) {
    return static_cast<std::int32_t>(static_cast<std::uint32_t>(index) * static_cast<std::uint32_t>(w));
}

Width width(NWidth w) {
    switch (w) {
        case NWidth::W8: return Width::W8;
        case NWidth::W16: return Width::W16;
        default: return Width::W32;
    }
}

class X86Backend final : public X86FamilyBackend<AsmX86> {
public:
    const NativeTarget& target() const override { return kX86Target; }

    void mov_reg_arg(NReg dest, int arg) override { as_.mov_reg_arg(r(dest), arg); }
    // A 32-bit target: the value is taken modulo 2^32, as the reference's int32_t parameter does.
    void mov_reg_imm(NReg dest, std::int64_t value) override {
        as_.mov_reg_imm(r(dest), static_cast<std::uint32_t>(value));
    }
    // Offsets count elements of the access width (ASM_LOAD16_REG_REG_OFFSET ...).
    void load(NWidth w, NReg dest, NReg base, std::int32_t index) override {
        as_.load(width(w), r(dest), r(base), byte_offset(width(w), index));
    }
    void store(NWidth w, NReg src, NReg base, std::int32_t index) override {
        as_.store(width(w), r(src), r(base), byte_offset(width(w), index));
    }
    using NativeAsm::call_ind;
    void call_ind(std::size_t fun, NReg temp) override { as_.call_ind(fun, runtime_arg_count(fun), r(temp)); }
};

}  // namespace

std::unique_ptr<NativeAsm> make_x86_backend(const NativeConfig&) { return std::make_unique<X86Backend>(); }

}  // namespace mpy
