// The inline assemblers (@micropython.asm_thumb, asm_xtensa, asm_rv32): a function body of
// instruction calls assembled to machine code, as mpy-cross's compile_scope_inline_asm does.  This
// file is the architecture-neutral driver -- which statements are instructions, the
// label/align/data pseudo-instructions, the return annotation, the passes and where an error is
// reported -- over an InlineAsmDialect, the instruction set of one architecture
// (compiler/inline_asm/inline_asm_<arch>.cc), and the frame the dialects share: the parameter
// rule, the operand checks of the Thumb/Xtensa message family and their lookup by operand count.
#pragma once

#include <cstdint>
#include <functional>
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
    // The label number of `name` if a label() statement of this function placed it in this pass
    // or (in the emit pass) in the size pass; no error either way.
    std::optional<std::size_t> find_label(const std::string& name) const;

    // Operand checks with the messages asm_thumb and asm_xtensa share: a bad operand records
    // "'<op>' expects a label" / "... an integer" and gives 0 / nullopt.
    std::size_t label_operand(const std::string& op, AsmArg arg);
    std::optional<std::uint32_t> int_operand(const std::string& op, AsmArg arg);

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

// The inline assembler of -march `arch` for the `compat` release, with rv32imc's -march-flags
// `arch_flags` (zba adds sh1add..sh3add), or null when the reference has none: asm_thumb for the
// Thumb family, asm_xtensa for xtensa (call0 ABI) and, from 1.28, xtensawin (windowed ABI),
// asm_rv32 for rv32imc.
std::unique_ptr<InlineAsmDialect> make_inline_asm_dialect(NativeArch arch, CompatVersion compat,
                                                          unsigned arch_flags);
std::unique_ptr<InlineAsmDialect> make_thumb_inline_asm_dialect(NativeArch arch);
std::unique_ptr<InlineAsmDialect> make_xtensa_inline_asm_dialect(NativeArch arch, CompatVersion compat);
std::unique_ptr<InlineAsmDialect> make_rv32_inline_asm_dialect(NativeArch arch, unsigned arch_flags);

// Argument helpers shared by the dialects (MicroPython's parse-node tests on our AST).
// The identifier an argument is ("" if it is not a bare name).
std::string asm_arg_name(AsmArg arg);
// The integer an argument is, truncated to 64 bits (nullopt if it is not an integer constant).
std::optional<std::uint64_t> asm_arg_int(AsmArg arg);

// The parameter rule of every dialect: at most `max` parameters, each a plain name (no
// annotation, default or star) that names the argument register of its position.
struct ParamRegisterRule {
    std::size_t max;
    std::string too_many;         // the error for more than `max` parameters
    std::string out_of_sequence;  // the error for one that is not the register of its position
    std::function<bool(const std::string& name, std::size_t position)> is_register;
};
// The number of parameters, or 0 after recording the rule's error.
std::size_t count_param_registers(InlineAsmContext& ctx, const std::vector<ast::Param>& params,
                                  const ParamRegisterRule& rule);

// The frame of asm_thumb and asm_xtensa: the function is the assembler's entry code (no locals),
// the instructions and its exit code; an instruction is looked up by its operand count (op0..op3
// return false for a name they do not know), and an unknown one is reported as
// "unsupported <Arch> instruction '<name>' with <n> arguments".
template <class Asm>
class EntryExitDialect : public InlineAsmDialect {
public:
    AsmBase& base() override { return as_; }
    void start_pass(bool emit) override {
        as_.start_pass(emit);
        as_.entry(0);
    }
    void end_pass() override { as_.exit(); }
    std::size_t count_params(InlineAsmContext& ctx, const std::vector<ast::Param>& params) override {
        return count_param_registers(ctx, params, params_);
    }
    void op(InlineAsmContext& ctx, const std::string& name, const std::vector<AsmArg>& args) override {
        if (!known_op(ctx, name, args)) {
            ctx.error("unsupported " + arch_name_ + " instruction '" + name + "' with " +
                      std::to_string(args.size()) + " arguments");
        }
    }

protected:
    template <class... AsmArgs>
    EntryExitDialect(std::string arch_name, ParamRegisterRule params, AsmArgs&&... asm_args)
        : as_(std::forward<AsmArgs>(asm_args)...), arch_name_(std::move(arch_name)), params_(std::move(params)) {}

    // Assembles the instruction; false if the dialect has no instruction of that name and count.
    virtual bool known_op(InlineAsmContext& ctx, const std::string& name, const std::vector<AsmArg>& args) {
        return op_by_count(ctx, name, args);
    }
    bool op_by_count(InlineAsmContext& ctx, const std::string& name, const std::vector<AsmArg>& args) {
        switch (args.size()) {
            case 0: return op0(ctx, name);
            case 1: return op1(ctx, name, args[0]);
            case 2: return op2(ctx, name, args[0], args[1]);
            case 3: return op3(ctx, name, args[0], args[1], args[2]);
            default: return false;
        }
    }
    virtual bool op0(InlineAsmContext& ctx, const std::string& op) = 0;
    virtual bool op1(InlineAsmContext& ctx, const std::string& op, AsmArg a) = 0;
    virtual bool op2(InlineAsmContext& ctx, const std::string& op, AsmArg a, AsmArg b) = 0;
    virtual bool op3(InlineAsmContext& ctx, const std::string& op, AsmArg a, AsmArg b, AsmArg c) = 0;

    Asm as_;

private:
    std::string arch_name_;
    ParamRegisterRule params_;
};

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
