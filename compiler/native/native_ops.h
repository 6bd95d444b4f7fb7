// The instruction stream a NativeEmitter records during codegen's code pass, replayed by
// NativeFunction (compiler/native/native_function.h) for each of the reference's three passes.
//
// Why record: mpy-cross runs its native emitter over a scope three times (STACK_SIZE, CODE_SIZE,
// EMIT).  The first pass finds the maximum depth of the value stack, which decides the frame
// layout (and so every stack-slot offset) of the later passes; the second finds label offsets.
// Codegen walks a scope once, so the calls are kept as data and replayed.
#pragma once

#include <cstdint>
#include <string>

namespace mpy {

enum class NativeOpKind : std::uint8_t {
    Label, AdjustStack,
    ListBegin, ListStatementEnd, ListEnd,  // statement-list structure (for error reporting)
    LoadNone, LoadTrue, LoadFalse, LoadEllipsis, LoadSmallInt, LoadConstStr, LoadConstObj, LoadNull,
    LoadFast, LoadDeref, StoreFast, StoreDeref, DeleteFast, DeleteDeref,
    LoadName, LoadGlobal, StoreName, StoreGlobal, DeleteName, DeleteGlobal,
    LoadAttr, StoreAttr, DeleteAttr, LoadSubscr, StoreSubscr, DeleteSubscr, LoadMethod, LoadBuildClass,
    DupTop, DupTopTwo, PopTop, RotTwo, RotThree,
    Jump, PopJumpIf, JumpIfOrPop, UnwindJump, SetupWith, SetupExcept, SetupFinally, EndFinally,
    WithCleanup, AsyncWithSetupFinally, PopExceptJump, StartExceptHandler, EndExceptHandler,
    GetIter, ForIter, ForIterEnd,
    UnaryOp, BinaryOp,
    BuildTuple, BuildList, BuildMap, BuildSet, BuildSlice, StoreMap, StoreComp, UnpackSequence, UnpackEx,
    MakeFunction, MakeClosure, CallFunction, CallMethod, ReturnValue, Raise, YieldValue, YieldFrom,
    ImportName, ImportFrom, ImportStar,
};

// One recorded call.  The meaning of the operands depends on the kind (see NativeEmitter's
// recording methods); unused ones stay 0.
struct NativeOp {
    NativeOpKind kind = NativeOpKind::Label;
    std::int64_t a = 0;  // label / slot / value / count / operator / child scope
    std::uint32_t b = 0;
    std::uint32_t c = 0;
    std::uint32_t d = 0;  // (with_cleanup, end_finally, yield) the first label reserved for it
    bool flag = false;   // pop_jump_if cond, load_method is_super, call star, binary_op invert...
    std::string name;    // qstr operand
};

}  // namespace mpy
