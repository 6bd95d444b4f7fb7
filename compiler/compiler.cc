// compile_to_mpy: parse, generate code for every scope, serialise.
#include "compiler/compiler.h"

#include "common/diagnostics.h"
#include "common/mpy_model.h"
#include "common/mpy_writer.h"
#include "common/sanitizers.h"
#include "compiler/bytecode/bytecode_emitter.h"
#include "compiler/bytecode/code_builder.h"
#include "compiler/codegen/codegen.h"
#include "compiler/native/native_target.h"
#include "compiler/frontend/parser.h"
#include "common/large_stack.h"

namespace mpy {

namespace {

ast::Module parse(std::string_view source, const CompileOptions& options) {
    ParseOptions parse_options;
    parse_options.small_int_bits = options.small_int_bits;
    parse_options.optimize_level = options.opt_level;
    parse_options.compat = options.compat;
    // mpy-cross interns the input path (and the -s name) before parsing.
    parse_options.preinterned.push_back(options.source_name);
    if (!options.input_path.empty()) parse_options.preinterned.push_back(options.input_path);
    return parse_module(source, options.source_name, parse_options);
}

// Everything one compilation builds, kept together so that it can be left allocated at the end
// (CompileOptions::free_memory).
struct Compilation {
    ast::Module tree;
    ModuleBuilder module;
    Compilation(ast::Module t, const std::string& source_name) : tree(std::move(t)), module(source_name) {}
};

std::string compile_on_this_thread(std::string_view source, const CompileOptions& options) {
    auto c = std::make_unique<Compilation>(parse(source, options), options.source_name);
    ModuleBuilder& module = c->module;
    {
        EmitterOptions emit_options;
        emit_options.line_numbers = options.opt_level < 3;
        BytecodeEmitter bytecode(module, emit_options);
        std::unique_ptr<Emitter> native = make_native_emitter(module, options.arch, options.compat, options.arch_flags,
                                                                 options.native_trace);
        CodeGenerator generator(c->tree, options, bytecode, native.get());
        generator.run();
    }

    // Only native code makes the header name the architecture; arch flags (rv32imc's
    // extensions) are written whenever given.
    const NativeArch arch = arch_from_name(options.arch).value_or(NativeArch::None);
    std::uint64_t arch_flags = arch == NativeArch::RV32IMC ? options.arch_flags : 0;
    ModuleHeader header = make_header(arch, module.has_native_code(),
                                      static_cast<unsigned>(options.small_int_bits), arch_flags);
    std::string out = write_mpy(module.to_module(header));
    // The tree and tables are the bulk of what a compile allocates; freeing them node by node
    // costs a process that exits next about a fifth of its instructions.  Sanitizer builds
    // always free, so that LeakSanitizer stays meaningful.
    if (!options.free_memory && !kAddressSanitizer) static_cast<void>(c.release());
    return out;
}

}  // namespace

std::string compile_to_mpy(std::string_view source, const CompileOptions& options) {
    // The code generator recurses once per nesting level of the source, like the parser, and the
    // tree is freed recursively: give both the same large stack.
    std::string result;
    run_with_large_stack([&] { result = compile_on_this_thread(source, options); });
    return result;
}

}  // namespace mpy
