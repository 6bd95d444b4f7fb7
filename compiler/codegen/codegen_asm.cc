// Inline-assembler scopes (@micropython.asm_thumb ...): not compiled as Python but handed to the
// architecture's inline assembler (compiler/inline_asm/inline_asm.h).
#include "compiler/bytecode/bytecode_emitter.h"
#include "compiler/codegen/codegen.h"
#include "compiler/inline_asm/inline_asm.h"

namespace mpy {

void CodeGenerator::inline_asm_scope(Scope& scope, Pass pass) {
    cur_ = &scope;
    pass_ = pass;
    if (scope.kind != ScopeKind::Function) {
        throw CompileError{"SyntaxError", "inline assembler must be a function", 0};
    }
    const std::optional<NativeArch> arch = arch_from_name(options_.arch);
    std::unique_ptr<InlineAsmDialect> dialect =
        arch ? make_inline_asm_dialect(*arch, options_.compat, options_.arch_flags) : nullptr;
    if (dialect == nullptr) {
        // The decorator check refuses every architecture without an inline assembler ("invalid
        // arch"), so this is a mismatch between that check and inline_asm/, not bad input.
        throw CompileError{"NotImplementedError",
                           "no inline assembler for -march=" + options_.arch + " ('" + scope.simple_name +
                               "' is inline assembler)",
                           scope.line};
    }
    InlineAssembler assembler(*static_cast<const ast::FunctionDef*>(scope.node), *dialect);
    if (pass == Pass::Scope) {
        assembler.check();
        return;
    }
    bytecode_.module().set_native_code(static_cast<std::uint32_t>(scope.index), assembler.assemble(), {});
}

}  // namespace mpy
