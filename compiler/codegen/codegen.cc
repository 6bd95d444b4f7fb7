// Passes, name resolution and the opcodes of name operations, compile errors.
#include "compiler/codegen/codegen.h"

#include <utility>
#include <vector>

#include "common/diagnostics.h"
#include "compiler/scope/viper_types.h"

namespace mpy {

namespace {

EmitMode default_emit_mode(const CompileOptions& options) {
    if (options.emit == "native") return EmitMode::Native;
    if (options.emit == "viper") return EmitMode::Viper;
    return EmitMode::Bytecode;
}

// Why `scope` wants machine code: its decorator, or -X emit= for everything not decorated.
std::string native_reason(const Scope& scope, EmitMode default_mode) {
    if (scope.emit_mode == default_mode) {
        return default_mode == EmitMode::Viper ? "-X emit=viper" : "-X emit=native";
    }
    switch (scope.emit_mode) {
        case EmitMode::Native: return "'" + scope.simple_name + "' is @micropython.native";
        case EmitMode::Viper: return "'" + scope.simple_name + "' is @micropython.viper";
        case EmitMode::Asm: return "'" + scope.simple_name + "' is inline assembler";
        case EmitMode::Bytecode: break;
    }
    return {};
}

}  // namespace

CodeGenerator::CodeGenerator(const ast::Module& module, const CompileOptions& options,
                             BytecodeEmitter& bytecode, Emitter* native)
    : module_(module), options_(options), bytecode_(bytecode), native_(native), emit_(&bytecode) {}

void CodeGenerator::run() {
    Scope& top = scopes_.add(ScopeKind::Module, nullptr, "<module>", &module_, default_emit_mode(options_));
    const ast::Suite& body = module_.body;
    top.line = body.stmts.size() == 1 ? body.stmts[0]->line : body.line;
    try {
        // Scope pass over every scope; the list grows while it runs (nested scopes are appended
        // as the walk meets them).
        for (std::size_t i = 0; i < scopes_.size(); ++i) {
            Scope& s = scopes_[i];
            if (s.emit_mode == EmitMode::Asm) {  // inline assembler is not walked as Python
                inline_asm_scope(s, Pass::Scope);
                continue;
            }
            compile_scope(s, Pass::Scope);
            for (NameInfo& info : s.names) {
                if (info.kind == NameKind::GlobalImplicit) s.close_over_if_bound_outside(info);
            }
        }
        for (std::size_t i = 0; i < scopes_.size(); ++i) scopes_[i].assign_slots();
        for (std::size_t i = 0; i < scopes_.size(); ++i) {
            Scope& s = scopes_[i];
            cur_ = &s;
            if (s.emit_mode == EmitMode::Asm) {
                inline_asm_scope(s, Pass::Code);
            } else {
                compile_scope(s, Pass::Code);
            }
        }
    } catch (CompileError& e) {
        int line = e.line != 0 ? e.line : (cur_ != nullptr ? cur_->line : 0);
        Diagnostic d;
        d.kind = e.kind;
        d.message = e.message;
        d.where = {options_.source_name, line, 0};
        if (cur_ != nullptr) d.scope = cur_->simple_name;  // traceback: `, in <scope>`
        throw DiagnosticError(std::move(d));
    }
}

void CodeGenerator::compile_scope(Scope& scope, Pass pass) {
    pass_ = pass;
    cur_ = &scope;
    loop_ = LoopContext{};
    pending_error_.reset();
    except_level_ = 0;
    if (pass == Pass::Scope) {
        emit_ = &bytecode_;
        bytecode_.begin_scope_pass(static_cast<std::uint32_t>(scope.index), scope.simple_name);
    } else {
        emit_ = &emitter_for_code_pass(scope);
        emit_->begin_code_pass(static_cast<std::uint32_t>(scope.index), signature_of(scope));
    }
    switch (scope.kind) {
        case ScopeKind::Module: module_body(); break;
        case ScopeKind::Function: function_body(scope); break;
        case ScopeKind::Lambda: lambda_body(scope); break;
        case ScopeKind::Class: class_body(scope); break;
        case ScopeKind::ListComp:
        case ScopeKind::DictComp:
        case ScopeKind::SetComp:
        case ScopeKind::GenExpr:
            comprehension_body(*static_cast<const ast::Comprehension*>(scope.node));
            break;
    }
    if (pass == Pass::Scope) {
        bytecode_.end_scope_pass();
    } else {
        emit_->end_code_pass();
    }
}

Emitter& CodeGenerator::emitter_for_code_pass(const Scope& scope) {
    if (scope.emit_mode == EmitMode::Bytecode) return bytecode_;
    if (scope.emit_mode == EmitMode::Asm || native_ == nullptr) {
        // The decorator check already refused architectures mpy-cross has no emitter for; these
        // are the ones it has and we do not yet.
        throw CompileError{"NotImplementedError",
                           (scope.emit_mode == EmitMode::Asm ? "inline assembler"
                                                             : "native code generation for -march=" + options_.arch) +
                               " is not supported yet (" +
                               native_reason(scope, default_emit_mode(options_)) + ")",
                           scope.line};
    }
    return *native_;
}

ScopeSignature CodeGenerator::signature_of(const Scope& scope) const {
    ScopeSignature sig;
    switch (scope.emit_mode) {
        case EmitMode::Native: sig.emit = EmitKind::Native; break;
        case EmitMode::Viper: sig.emit = EmitKind::Viper; break;
        default: sig.emit = EmitKind::Bytecode; break;
    }
    sig.simple_name = scope.simple_name;
    // Only the native emitter's debug text names functions by their dotted path; bytecode scopes
    // skip it (a chain of 10,000 nested lambdas would otherwise build 10,000 long names).
    if (sig.emit != EmitKind::Bytecode) {
        std::vector<const std::string*> path{&scope.simple_name};
        for (const Scope* s = scope.parent; s != nullptr && s->simple_name != "<module>"; s = s->parent) {
            path.push_back(&s->simple_name);
        }
        for (auto name = path.rbegin(); name != path.rend(); ++name) {
            if (!sig.qualified_name.empty()) sig.qualified_name += '.';
            sig.qualified_name += **name;
        }
    }
    sig.scope_flags = scope.flags;
    sig.num_pos_args = static_cast<std::uint32_t>(scope.num_pos_args);
    sig.num_kwonly_args = static_cast<std::uint32_t>(scope.num_kwonly_args);
    sig.num_def_pos_args = static_cast<std::uint32_t>(scope.num_def_pos_args);
    sig.num_locals = static_cast<std::uint32_t>(scope.num_locals);
    // The prelude names each argument position, so keywords can reach positional parameters.
    // Positions taken by closed-over variables have no parameter: "*" (never a valid keyword).
    for (int i = 0; i < scope.num_pos_args + scope.num_kwonly_args; ++i) {
        std::string name = "*";
        for (const NameInfo& info : scope.names) {
            if (info.is_param && info.slot == i) {
                name = info.name;
                break;
            }
        }
        sig.arg_names.push_back(std::move(name));
    }
    for (const NameInfo& info : scope.names) {
        if (info.kind == NameKind::Cell) sig.cell_slots.push_back(static_cast<std::uint32_t>(info.slot));
    }
    sig.local_names.resize(sig.num_locals);
    for (const NameInfo& info : scope.names) {
        const bool has_local_slot = info.kind == NameKind::Local || info.kind == NameKind::Cell || info.is_param;
        if (has_local_slot && info.slot >= 0 && static_cast<std::uint32_t>(info.slot) < sig.num_locals) {
            sig.local_names[info.slot] = info.name;
        }
    }
    sig.references_globals = scope.references_globals;
    if (sig.emit == EmitKind::Viper && scope.kind == ScopeKind::Function) viper_annotations(scope, sig);
    return sig;
}

// Viper reads the annotations of a def's plain parameters and its return value as type names.
void CodeGenerator::viper_annotations(const Scope& scope, ScopeSignature& sig) const {
    const auto& def = *static_cast<const ast::FunctionDef*>(scope.node);
    for (const ast::Param& p : def.params) {
        if (p.kind != ast::Param::Kind::Normal || !p.annotation) continue;
        const auto* type = p.annotation->as<ast::Name>();
        const NameInfo* info = scope.find(p.name);
        if (type == nullptr || info == nullptr) continue;
        sig.annotations.push_back({info->slot, type->id});
    }
    if (def.returns != nullptr) {
        if (const auto* type = def.returns->as<ast::Name>()) {
            sig.annotations.push_back({ScopeSignature::Annotation::kReturn, type->id});
        }
    }
}

// In the scope pass mpy-cross checks a viper def's annotations (plain parameters in order, then
// the return value): an unknown type name replaces any error so far, a non-identifier is a
// SyntaxError (at its node) unless there is one already.  The error is only recorded: the body's
// scope pass still runs, and the error surfaces at the end of the first statement of the first
// statement list it meets (which gives the line), or after the body.
void CodeGenerator::check_viper_annotations(const ast::FunctionDef& def) {
    auto check = [&](const ast::Expr& annotation) {
        if (const auto* type = annotation.as<ast::Name>()) {
            if (viper_type_of(type->id) < 0) {
                pending_error_ = CompileError{"ViperTypeError", "unknown type '" + type->id + "'", 0};
            }
        } else if (!pending_error_) {
            pending_error_ = CompileError{"SyntaxError", "annotation must be an identifier", annotation.line};
        }
    };
    for (const ast::Param& p : def.params) {
        if (p.kind == ast::Param::Kind::Normal && p.annotation) check(*p.annotation);
    }
    if (def.returns != nullptr) check(*def.returns);
}

void CodeGenerator::raise_pending_error(int line) {
    if (!pending_error_) return;
    CompileError e = std::move(*pending_error_);
    pending_error_.reset();
    if (e.line == 0) e.line = line;
    throw e;
}

// ---- names ---------------------------------------------------------------------------------

void CodeGenerator::load_id(std::string_view name) {
    if (pass_ == Pass::Scope) {
        cur_->note_load(name);
    } else {
        emit_name_op(name, 0);
    }
}

void CodeGenerator::store_id(std::string_view name) {
    if (pass_ == Pass::Scope) {
        cur_->note_store(name);
    } else {
        emit_name_op(name, 1);
    }
}

void CodeGenerator::delete_id(std::string_view name) {
    if (pass_ == Pass::Scope) {
        cur_->note_store(name);
    } else {
        emit_name_op(name, 2);
    }
}

void CodeGenerator::emit_name_op(std::string_view name, int op) {
    const NameInfo* info = cur_->find(name);
    if (info == nullptr) {
        // The scope pass walks exactly the same code, so every name was recorded.
        throw CompileError{"error", "internal compiler error: name '" + std::string(name) +
                                        "' missing from scope '" + cur_->simple_name + "'",
                           0};
    }
    const auto slot = static_cast<std::uint32_t>(info->slot);
    switch (info->kind) {
        case NameKind::GlobalImplicit:
        case NameKind::GlobalImplicitAssigned:
        case NameKind::Undecided:
            if (op == 0) emit_->load_name(name);
            else if (op == 1) emit_->store_name(name);
            else emit_->delete_name(name);
            break;
        case NameKind::GlobalExplicit:
            if (op == 0) emit_->load_global(name);
            else if (op == 1) emit_->store_global(name);
            else emit_->delete_global(name);
            break;
        case NameKind::Local:
            if (op == 0) emit_->load_fast(slot);
            else if (op == 1) emit_->store_fast(slot);
            else emit_->delete_fast(slot);
            break;
        case NameKind::Cell:
        case NameKind::Free:
            if (op == 0) emit_->load_deref(slot);
            else if (op == 1) emit_->store_deref(slot);
            else emit_->delete_deref(slot);
            break;
    }
}

void CodeGenerator::error(std::string message, int line) {
    throw CompileError{"SyntaxError", std::move(message), line};
}

void CodeGenerator::increase_except_level() { ++except_level_; }

void CodeGenerator::decrease_except_level() {
    --except_level_;
    emit_->end_finally();
}

}  // namespace mpy
