// def and class statements, decorators, and making function objects: default arguments,
// closures, parameters.
#include "compiler/codegen/codegen.h"

#include "common/mpy_format.h"

namespace mpy {

namespace {

// A parameter is a leaf in MicroPython's parse tree (so an error at it has no line of its own)
// when it is a bare name: no annotation, no default, no star.
int param_error_line(const ast::Param& p) {
    bool is_leaf = p.kind == ast::Param::Kind::Normal && !p.annotation && !p.default_value;
    return is_leaf ? 0 : p.line;
}

// Which emitters -march provides (mpy-cross's native and inline-assembler tables).  A name
// mpyc does not know (never from the driver, which checks -march) counts as having a native
// emitter, so that the native emitter's absence is what gets reported.
bool arch_has_native_emitter(const std::string& arch) {
    return !arch.empty() && arch_from_name(arch) != NativeArch::RV64IMC;
}
bool arch_has_inline_asm(const std::string& arch, CompatVersion compat) {
    switch (arch_from_name(arch).value_or(NativeArch::None)) {
        case NativeArch::ArmV6:
        case NativeArch::ArmV6M:
        case NativeArch::ArmV7M:
        case NativeArch::ArmV7EM:
        case NativeArch::ArmV7EMSP:
        case NativeArch::ArmV7EMDP:
        case NativeArch::Xtensa:
        case NativeArch::RV32IMC: return true;
        // 1.28 added asm_xtensa for the windowed ABI.
        case NativeArch::XtensaWin: return compat != CompatVersion::V1_27;
        default: return false;
    }
}

}  // namespace

// @micropython.bytecode / native / viper / asm_*: chooses the emitter instead of calling anything.
bool CodeGenerator::builtin_decorator(const ast::Decorator& d, EmitMode& mode) {
    if (d.dotted.empty() || d.dotted[0] != "micropython") return false;
    if (d.dotted.size() != 2) error("invalid micropython decorator", 0);
    const std::string& attr = d.dotted[1];
    if (attr == "bytecode") {
        mode = EmitMode::Bytecode;
    } else if (attr == "native") {
        mode = EmitMode::Native;
    } else if (attr == "viper") {
        mode = EmitMode::Viper;
    } else if (attr == "asm_thumb" || attr == "asm_xtensa" || attr == "asm_rv32") {
        mode = EmitMode::Asm;
    } else {
        error("invalid micropython decorator", 0);
    }
    if ((mode == EmitMode::Native || mode == EmitMode::Viper) && !arch_has_native_emitter(options_.arch)) {
        error("invalid arch", 0);
    }
    if (mode == EmitMode::Asm && !arch_has_inline_asm(options_.arch, options_.compat)) error("invalid arch", 0);
    return true;
}

// Evaluates the decorators (outermost first) before the function/class; the built-in
// @micropython.* ones only choose the emitter and are not called.
void CodeGenerator::decorators(const std::vector<ast::Decorator>& list, EmitMode& mode, std::size_t& n_builtin) {
    n_builtin = 0;
    for (const ast::Decorator& d : list) {
        if (builtin_decorator(d, mode)) {
            ++n_builtin;
            continue;
        }
        load_id(d.dotted[0]);
        for (std::size_t i = 1; i < d.dotted.size(); ++i) emit_->load_attr(d.dotted[i]);
        if (d.has_call) {
            emit_->set_source_line(d.paren_line);
            call_args(d.args, false, 0);
        }
    }
}

void CodeGenerator::function_def(const ast::FunctionDef& f) {
    EmitMode mode = cur_->emit_mode;
    std::size_t n_builtin = 0;
    decorators(f.decorators, mode, n_builtin);
    Scope& fs = scope_for(&f, ScopeKind::Function, f.name, mode);
    if (pass_ == Pass::Scope) {
        fs.line = f.def_line;
        if (f.is_async) fs.flags |= kScopeGenerator;  // an async def is a generator
    }
    function_defaults(fs, f.params);
    for (std::size_t i = n_builtin; i < f.decorators.size(); ++i) emit_->call_function(1, 0, false);
    store_id(f.name);
}

void CodeGenerator::class_def(const ast::ClassDef& c) {
    EmitMode mode = cur_->emit_mode;
    std::size_t n_builtin = 0;
    decorators(c.decorators, mode, n_builtin);
    Scope& cs = scope_for(&c, ScopeKind::Class, c.name, mode);
    if (pass_ == Pass::Scope) cs.line = c.class_line;
    emit_->load_build_class();
    close_over_and_make(cs, 0, 0);
    emit_->load_const_str(c.name);
    call_args(c.bases, false, 2);  // __build_class__(body, name, *bases)
    for (std::size_t i = n_builtin; i < c.decorators.size(); ++i) emit_->call_function(1, 0, false);
    store_id(c.name);
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
                    emit_->load_fast(static_cast<std::uint32_t>(outer.slot));
                    ++n_free;
                }
            }
        }
    }
    const auto child_id = static_cast<std::uint32_t>(child.index);
    if (n_free == 0) {
        emit_->make_function(child_id, static_cast<std::uint32_t>(n_pos_defaults),
                            static_cast<std::uint32_t>(n_kw_defaults));
    } else {
        emit_->make_closure(child_id, n_free, static_cast<std::uint32_t>(n_pos_defaults),
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
                    emit_->build_tuple(static_cast<std::uint32_t>(num_default_params));
                } else {
                    emit_->load_null();  // no positional defaults
                }
                emit_->build_map(0);
            }
            expr(*p.default_value);
            emit_->load_const_str(p.name);
            emit_->store_map();
        } else {
            ++num_default_params;
            expr(*p.default_value);
        }
    }
    if (num_default_params > 0 && num_dict_params == 0) {
        emit_->build_tuple(static_cast<std::uint32_t>(num_default_params));
        emit_->load_null();  // no keyword defaults
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


}  // namespace mpy
