// What native code must know about MicroPython 1.27's runtime, whatever the architecture: the
// order of mp_fun_table (py/nativeglue.h) and the word offsets of the C structs the code reads (as
// mpy-cross computes them: every field is a word, or two uint16 fields in one, so the word
// offsets are the same on 32- and 64-bit targets).
#pragma once

#include <cstdint>

#include "common/opcodes.h"

namespace mpy::native_rt {

// Index of each runtime entry point in mp_fun_table; native code calls its word `index`.
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
inline constexpr int kCodeStateWords = 5;    // sizeof(mp_code_state_native_t) in words
inline constexpr int kCodeStateSp = 2;       // mp_code_state_native_t.sp
inline constexpr int kCodeStateNState = 3;   // .n_state
inline constexpr int kCodeStateState = 5;    // .state[]

// Frame slot of the exception being handled: nlr_buf_t.ret_val.  The other frame slots depend on
// the target's nlr_buf_t size (NativeFunction::Frame).
inline constexpr int kIdxExcVal = 1;

inline constexpr std::int64_t kObjSentinel = 4;
inline constexpr int kVmReturnNormal = 0;
inline constexpr int kVmReturnYield = 1;
inline constexpr int kVmReturnException = 2;

// With .mpy output REG_LOCAL_3 holds the qstr table, REG_LOCAL_2 a generator's state, and at
// most two locals live in registers (REG_LOCAL_1, REG_LOCAL_2).
inline constexpr int kMaxRegsForLocals = 2;

// MP_OBJ_FUN_MAKE_SIG(n, n, false): viper functions take exactly their positional arguments.
inline constexpr std::int64_t make_fun_sig(std::uint32_t n_args) {
    return (static_cast<std::int64_t>(n_args) << 17) | (static_cast<std::int64_t>(n_args) << 1);
}

}  // namespace mpy::native_rt
