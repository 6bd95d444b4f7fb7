// Passes, name resolution, errors and the creation of nested scopes (functions, classes, lambdas).
#include "compiler/codegen.h"

#include <utility>

#include "common/diagnostics.h"

namespace mpy {

namespace {

EmitMode default_emit_mode(const CompileOptions& options) {
    if (options.emit == "native") return EmitMode::Native;
    if (options.emit == "viper") return EmitMode::Viper;
    return EmitMode::Bytecode;
}

// A parameter is a leaf in MicroPython's parse tree (so an error at it has no line of its own)
// when it is a bare name: no annotation, no default, no star.
int param_error_line(const ast::Param& p) {
    bool is_leaf = p.kind == ast::Param::Kind::Normal && !p.annotation && !p.default_value;
    return is_leaf ? 0 : p.line;
}

std::string_view emit_mode_name(EmitMode mode) {
    switch (mode) {
        case EmitMode::Native: return "native";
        case EmitMode::Viper: return "viper";
        case EmitMode::Asm: return "inline assembler";
        case EmitMode::Bytecode: break;
    }
    return "bytecode";
}

}  // namespace

CodeGenerator::CodeGenerator(const ast::Module& module, const CompileOptions& options, Emitter& emitter)
    : module_(module), options_(options), emit_(emitter) {}

void CodeGenerator::run() {
    Scope& top = scopes_.add(ScopeKind::Module, nullptr, "<module>", &module_, default_emit_mode(options_));
    const ast::Suite& body = module_.body;
    top.line = body.stmts.size() == 1 ? body.stmts[0]->line : body.line;
    try {
        // Scope pass over every scope; the list grows while it runs (nested scopes are appended
        // as the walk meets them).
        for (std::size_t i = 0; i < scopes_.size(); ++i) {
            Scope& s = scopes_[i];
            if (s.emit_mode == EmitMode::Asm) continue;  // inline assembler is not walked as Python
            compile_scope(s, Pass::Scope);
            for (NameInfo& info : s.names) {
                if (info.kind == NameKind::GlobalImplicit) s.close_over_if_bound_outside(info);
            }
        }
        for (std::size_t i = 0; i < scopes_.size(); ++i) scopes_[i].assign_slots();
        for (std::size_t i = 0; i < scopes_.size(); ++i) {
            Scope& s = scopes_[i];
            cur_ = &s;
            if (s.emit_mode != EmitMode::Bytecode) {
                throw CompileError{"NotImplementedError",
                                   "native code generation is not supported yet (" +
                                       std::string(emit_mode_name(s.emit_mode)) + " code for '" +
                                       s.simple_name + "')",
                                   s.line};
            }
            compile_scope(s, Pass::Code);
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
    except_level_ = 0;
    if (pass == Pass::Scope) {
        emit_.begin_scope_pass(static_cast<std::uint32_t>(scope.index), scope.simple_name);
    } else {
        emit_.begin_code_pass(static_cast<std::uint32_t>(scope.index), signature_of(scope));
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
        emit_.end_scope_pass();
    } else {
        emit_.end_code_pass();
    }
}

ScopeSignature CodeGenerator::signature_of(const Scope& scope) const {
    ScopeSignature sig;
    sig.simple_name = scope.simple_name;
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
    return sig;
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
            if (op == 0) emit_.load_name(name);
            else if (op == 1) emit_.store_name(name);
            else emit_.delete_name(name);
            break;
        case NameKind::GlobalExplicit:
            if (op == 0) emit_.load_global(name);
            else if (op == 1) emit_.store_global(name);
            else emit_.delete_global(name);
            break;
        case NameKind::Local:
            if (op == 0) emit_.load_fast(slot);
            else if (op == 1) emit_.store_fast(slot);
            else emit_.delete_fast(slot);
            break;
        case NameKind::Cell:
        case NameKind::Free:
            if (op == 0) emit_.load_deref(slot);
            else if (op == 1) emit_.store_deref(slot);
            else emit_.delete_deref(slot);
            break;
    }
}

void CodeGenerator::error(std::string message, int line) {
    throw CompileError{"SyntaxError", std::move(message), line};
}

void CodeGenerator::increase_except_level() { ++except_level_; }

void CodeGenerator::decrease_except_level() {
    --except_level_;
    emit_.end_finally();
}

// ---- nested scopes ---------------------------------------------------------------------------

Scope& CodeGenerator::scope_for(const void* node, ScopeKind kind, std::string_view name, EmitMode mode) {
    if (pass_ == Pass::Scope) {
        auto it = scope_of_node_.find(node);
        if (it == scope_of_node_.end()) {
            Scope& s = scopes_.add(kind, cur_, std::string(name), node, mode);
            scope_of_node_.emplace(node, &s);
            return s;
        }
        return *it->second;
    }
    return *scope_of_node_.at(node);
}

// Makes the function object for `child` (defaults already on the stack), passing the cells and
// free variables it closes over, in the order of this scope's table.
void CodeGenerator::close_over_and_make(Scope& child, int n_pos_defaults, int n_kw_defaults) {
    if (n_kw_defaults > 0) child.flags |= kScopeDefKwArgs;
    child.num_def_pos_args = n_pos_defaults;
    std::uint32_t n_free = 0;
    if (cur_->kind != ScopeKind::Module) {
        for (const NameInfo& outer : cur_->names) {
            if (outer.kind != NameKind::Cell && outer.kind != NameKind::Free) continue;
            for (const NameInfo& inner : child.names) {
                if (inner.kind == NameKind::Free && inner.name == outer.name) {
                    // MicroPython passes the cell object itself: a plain LOAD_FAST of its slot.
                    emit_.load_fast(static_cast<std::uint32_t>(outer.slot));
                    ++n_free;
                }
            }
        }
    }
    const auto child_id = static_cast<std::uint32_t>(child.index);
    if (n_free == 0) {
        emit_.make_function(child_id, static_cast<std::uint32_t>(n_pos_defaults),
                            static_cast<std::uint32_t>(n_kw_defaults));
    } else {
        emit_.make_closure(child_id, n_free, static_cast<std::uint32_t>(n_pos_defaults),
                           static_cast<std::uint32_t>(n_kw_defaults));
    }
}

// Evaluates the default values of a def/lambda in the defining scope: positional defaults become
// a tuple; keyword-only defaults a dict (started at the first one, after the positional tuple or
// a NULL); then makes the function.
void CodeGenerator::function_defaults(Scope& child, const std::vector<ast::Param>& params) {
    bool have_star = false;
    int num_dict_params = 0;
    int num_default_params = 0;
    for (const ast::Param& p : params) {
        if (p.kind == ast::Param::Kind::Star) {
            have_star = true;
            continue;
        }
        if (p.kind == ast::Param::Kind::DoubleStar) continue;
        if (!p.default_value) {
            if (!have_star && num_default_params != 0) {
                error("non-default argument follows default argument", param_error_line(p));
            }
            continue;
        }
        if (have_star) {
            ++num_dict_params;
            if (num_dict_params == 1) {
                if (num_default_params > 0) {
                    emit_.build_tuple(static_cast<std::uint32_t>(num_default_params));
                } else {
                    emit_.load_null();  // no positional defaults
                }
                emit_.build_map(0);
            }
            expr(*p.default_value);
            emit_.load_const_str(p.name);
            emit_.store_map();
        } else {
            ++num_default_params;
            expr(*p.default_value);
        }
    }
    if (num_default_params > 0 && num_dict_params == 0) {
        emit_.build_tuple(static_cast<std::uint32_t>(num_default_params));
        emit_.load_null();  // no keyword defaults
    }
    close_over_and_make(child, num_default_params, num_dict_params);
}

// Scope pass of a def/lambda: parameters become the first names of the table, in order.
void CodeGenerator::declare_params(const std::vector<ast::Param>& params) {
    bool have_star = false;
    for (const ast::Param& p : params) {
        if (cur_->flags & kScopeVarKeywords) error("invalid syntax", param_error_line(p));  // after **kw
        NameInfo template_info;
        template_info.is_param = true;
        bool named = true;
        switch (p.kind) {
            case ast::Param::Kind::Normal:
                if (have_star) {
                    ++cur_->num_kwonly_args;
                } else {
                    ++cur_->num_pos_args;
                }
                break;
            case ast::Param::Kind::Star:
                if (have_star) error("invalid syntax", param_error_line(p));
                have_star = true;
                template_info.is_star_param = true;
                if (p.name.empty()) {
                    named = false;  // bare `*`: keyword-only marker
                } else {
                    cur_->flags |= kScopeVarArgs;
                }
                break;
            case ast::Param::Kind::DoubleStar:
                template_info.is_dbl_star_param = true;
                cur_->flags |= kScopeVarKeywords;
                break;
        }
        if (!named) continue;
        NameInfo& info = cur_->find_or_add(p.name, NameKind::Undecided);
        if (info.kind != NameKind::Undecided) error("argument name reused", param_error_line(p));
        info.kind = NameKind::Local;
        info.is_param = true;
        info.is_star_param = template_info.is_star_param;
        info.is_dbl_star_param = template_info.is_dbl_star_param;
    }
}

void CodeGenerator::declare_global(NameInfo& info, int line) {
    if (info.kind != NameKind::Undecided && info.kind != NameKind::GlobalExplicit) {
        error("identifier redefined as global", line);
    }
    info.kind = NameKind::GlobalExplicit;
    if (NameInfo* global = scopes_.module().find(info.name)) global->kind = NameKind::GlobalExplicit;
}

void CodeGenerator::declare_nonlocal(NameInfo& info, int line) {
    if (info.kind == NameKind::Undecided) {
        info.kind = NameKind::GlobalImplicit;
        cur_->close_over_if_bound_outside(info);
        if (info.kind == NameKind::GlobalImplicit) error("no binding for nonlocal found", line);
    } else if (info.kind != NameKind::Free) {
        error("identifier redefined as nonlocal", line);
    }
}

}  // namespace mpy
