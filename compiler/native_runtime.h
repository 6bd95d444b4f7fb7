// What x64 native code must know about MicroPython 1.27's runtime: the order of mp_fun_table
// (py/nativeglue.h), the word offsets of the C structs the code reads (as mpy-cross computes them
// for -march=x64), the frame slots of the native emitter and the register roles.
#pragma once

#include <cstdint>

#include "common/opcodes.h"
#include "compiler/asm_x64.h"

namespace mpy::native_rt {

// Index of each runtime entry point in mp_fun_table; native code calls [rbp + 8*index].
enum FunIndex : int {
    kConstNoneObj = 0, kConstFalseObj, kConstTrueObj, kConvertObjToNative, kConvertNativeToObj,
    kSwapGlobals, kLoadName, kLoadGlobal, kLoadBuildClass, kLoadAttr, kLoadMethod,
    kLoadSuperMethod, kStoreName, kStoreGlobal, kStoreAttr, kObjSubscr, kObjIsTrue, kUnaryOp,
    kBinaryOp, kBuildTuple, kBuildList, kBuildMap, kBuildSet, kStoreSet, kListAppend, kStoreMap,
    kMakeFunctionFromProtoFun, kCallFunctionNKw, kCallMethodNKw, kCallMethodNKwVar, kGetIter,
    kIterNext, kNlrPush, kNlrPop, kNativeRaise, kImportName, kImportFrom, kImportAll, kNewSlice,
    kUnpackSequence, kUnpackEx, kDeleteName, kDeleteGlobal, kNewClosure, kArgCheckNumSig,
    kSetupCodeState, kSmallIntFloorDivide, kSmallIntModulo, kYieldFrom, kSetjmp,
};

// Scope flags the native emitter uses internally (MP_SCOPE_FLAG_REFGLOBALS / HASCONSTS); never
// stored in the .mpy (only the low four signature bits are).
inline constexpr std::uint32_t kRefGlobals = 0x10;
inline constexpr std::uint32_t kHasConsts = 0x20;

// Word offsets in C structs of the target.
inline constexpr int kFunBcContext = 1;      // mp_obj_fun_bc_t.context
inline constexpr int kFunBcChildTable = 2;   // mp_obj_fun_bc_t.child_table
inline constexpr int kContextGlobals = 1;    // mp_module_context_t.module.globals
inline constexpr int kContextQstrTable = 2;  // .constants.qstr_table
inline constexpr int kContextObjTable = 3;   // .constants.obj_table
inline constexpr int kCodeStateWords = 5;    // sizeof(mp_code_state_native_t) / 8
inline constexpr int kCodeStateSp = 2;       // mp_code_state_native_t.sp
inline constexpr int kCodeStateNState = 3;   // .n_state
inline constexpr int kCodeStateState = 5;    // .state[]

// nlr_buf_t as mpy-cross sizes it for x64: 2 + max(8, 10 Windows) registers + 1 spare word.
inline constexpr int kNlrBufWords = 13;
// Frame slots (words from rsp) below the code state.
inline constexpr int kIdxExcVal = 1;           // nlr_buf.ret_val: the exception being handled
inline constexpr int kIdxHandlerPc = 5;        // nlr_buf's rbx slot: current handler address
inline constexpr int kIdxRetVal = kNlrBufWords;            // return value
inline constexpr int kIdxHandlerUnwind = kNlrBufWords + 1;  // pending unwind-jump target
inline constexpr int kIdxThrowVal = kNlrBufWords + 2;       // generators: injected exception

inline constexpr std::int64_t kObjSentinel = 4;
inline constexpr int kVmReturnNormal = 0;
inline constexpr int kVmReturnYield = 1;
inline constexpr int kVmReturnException = 2;

// Registers.
using x64::Reg;
inline constexpr Reg kRegRet = x64::RAX;
inline constexpr Reg kRegArg1 = x64::RDI;
inline constexpr Reg kRegArg2 = x64::RSI;
inline constexpr Reg kRegArg3 = x64::RDX;
inline constexpr Reg kRegArg4 = x64::RCX;
inline constexpr Reg kRegTemp0 = x64::RAX;
inline constexpr Reg kRegTemp1 = x64::RDI;
inline constexpr Reg kRegTemp2 = x64::RSI;
inline constexpr Reg kRegLocal1 = x64::RBX;
inline constexpr Reg kRegFunTable = x64::RBP;
// With .mpy output r13 holds the qstr table and at most two locals live in registers.
inline constexpr Reg kRegQstrTable = x64::R13;
inline constexpr Reg kRegGeneratorState = x64::R12;
inline constexpr int kMaxRegsForLocals = 2;
inline constexpr Reg kRegLocals[kMaxRegsForLocals] = {x64::RBX, x64::R12};
inline constexpr Reg kRegLocalLast = x64::R12;

// MP_OBJ_FUN_MAKE_SIG(n, n, false): viper functions take exactly their positional arguments.
inline constexpr std::int64_t make_fun_sig(std::uint32_t n_args) {
    return (static_cast<std::int64_t>(n_args) << 17) | (static_cast<std::int64_t>(n_args) << 1);
}

}  // namespace mpy::native_rt
