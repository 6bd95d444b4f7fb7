// The inline assemblers (@micropython.asm_thumb, and later asm_xtensa / asm_rv32): a function body
// of instruction calls assembled to machine code, as mpy-cross 1.27's compile_scope_inline_asm
// does.  This file is the architecture-neutral driver -- which statements are instructions, the
// label/align/data pseudo-instructions, the return annotation, the passes and where an error is
// reported -- over an InlineAsmDialect, the instruction set of one architecture
// (compiler/inline_asm/inline_asm_thumb.cc).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/compat_version.h"
#include "common/mpy_format.h"
#include "common/mpy_model.h"
#include "compiler/asm/base/asm_base.h"
#include "compiler/frontend/ast.h"

namespace mpy {

// One argument of an instruction; null for one that is not a plain expression (keyword, *x).
using AsmArg = const ast::Expr*;

// What an instruction may ask of the driver while it is assembled.
class InlineAsmContext {
public:
    // Records an error for the instruction being assembled; the last one recorded is reported.
    void error(std::string message) { error_ = std::move(message); }
    bool emitting() const { return emitting_; }
    // The label number of `name` (a label() statement of this function); 0 when it is not (yet)
    // known, and in the emit pass an error too.
    std::size_t label(const std::string& name);

private:
    friend class InlineAssembler;
    std::optional<std::string> error_;
    bool emitting_ = false;
    std::vector<std::string> labels_;  // label number -> name ("" = none yet)
};

// The instruction set of one architecture.
class InlineAsmDialect {
public:
    virtual ~InlineAsmDialect() = default;
    virtual AsmBase& base() = 0;
    virtual void start_pass(bool emit) = 0;  // resets the assembler and writes the entry code
    virtual void end_pass() = 0;             // writes the exit code
    // How many measuring passes the reference runs before the emit pass (Xtensa: 2, as the
    // literal pool's size is known only after one).
    virtual int size_passes() const { return 1; }
    // The number of parameters, or sets an error (parameters must be the argument registers).
    virtual std::size_t count_params(InlineAsmContext& ctx, const std::vector<ast::Param>& params) = 0;
    virtual void op(InlineAsmContext& ctx, const std::string& name, const std::vector<AsmArg>& args) = 0;
};

// The inline assembler for -march `arch` (asm_thumb for the Thumb family), or null.
std::unique_ptr<InlineAsmDialect> make_inline_asm_dialect(NativeArch arch);
// asm_xtensa for xtensa (call0 ABI) and, from 1.28, xtensawin (windowed ABI); null otherwise.
std::unique_ptr<InlineAsmDialect> make_xtensa_inline_asm_dialect(NativeArch arch, CompatVersion compat);

// Argument helpers shared by the dialects (MicroPython's parse-node tests on our AST).
// The identifier an argument is ("" if it is not a bare name).
std::string asm_arg_name(AsmArg arg);
// The integer an argument is, truncated to 64 bits (nullopt if it is not an integer constant).
std::optional<std::uint64_t> asm_arg_int(AsmArg arg);

class InlineAssembler {
public:
    InlineAssembler(const ast::FunctionDef& def, InlineAsmDialect& dialect);
    // The checks mpy-cross makes in its scope pass (statement shapes, label/align/data arguments,
    // the return annotation).  Throws CompileError (SyntaxError).
    void check();
    // Assembles the function (size pass, then emit pass).  Throws CompileError (SyntaxError).
    RawCode assemble();

private:
    enum class Pass { Scope, CodeSize, Emit };
    // Returns false after recording the error (error_line_ / error_).
    bool run_pass(Pass pass);
    void syntax_error(const std::string& message, int line);

    const ast::FunctionDef& def_;
    InlineAsmDialect& dialect_;
    InlineAsmContext ctx_;
    std::size_t n_params_ = 0;
    std::uint32_t type_sig_ = 2;  // MP_NATIVE_TYPE_INT
    std::optional<std::string> error_;
    int error_line_ = 0;
};

}  // namespace mpy
