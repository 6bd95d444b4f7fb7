// Import statements, and global/nonlocal declarations.
#include "compiler/codegen/codegen.h"

namespace mpy {

// IMPORT_NAME of a dotted module; `bound_name` is the name the statement binds: the alias, or the
// first component (`import a.b` binds a).  With an alias, a.b.c is walked down with LOAD_ATTRs.
void CodeGenerator::import_module_name(const std::vector<std::string>& dotted, const std::string& asname,
                                       std::string& bound_name) {
    const bool is_as = !asname.empty();
    if (is_as) bound_name = asname;
    if (dotted.empty()) {
        bound_name = "";
        emit_->import_name("");
        return;
    }
    if (!is_as) bound_name = dotted[0];
    std::string full;
    for (std::size_t i = 0; i < dotted.size(); ++i) {
        if (i > 0) full += '.';
        full += dotted[i];
    }
    emit_->import_name(full);
    if (is_as) {
        for (std::size_t i = 1; i < dotted.size(); ++i) emit_->load_attr(dotted[i]);
    }
}

void CodeGenerator::import_stmt(const ast::Import& s) {
    for (const ast::ImportAlias& alias : s.names) {
        emit_->load_small_int(0);  // level
        emit_->load_none();        // fromlist
        std::string bound;
        import_module_name(alias.dotted, alias.asname, bound);
        store_id(bound);
    }
}

void CodeGenerator::import_from(const ast::ImportFrom& s, int line) {
    std::string ignored;
    if (s.star) {
        if (cur_->kind != ScopeKind::Module) error("import * not at module level", line);
        emit_->load_small_int(s.level);
        emit_->load_const_str("*");
        emit_->build_tuple(1);
        import_module_name(s.module, "", ignored);
        emit_->import_star();
        return;
    }
    emit_->load_small_int(s.level);
    for (const ast::ImportFromName& n : s.names) emit_->load_const_str(n.name);
    emit_->build_tuple(static_cast<std::uint32_t>(s.names.size()));
    import_module_name(s.module, "", ignored);
    for (const ast::ImportFromName& n : s.names) {
        emit_->import_from(n.name);
        store_id(n.asname.empty() ? n.name : n.asname);
    }
    emit_->pop_top();
}

void CodeGenerator::global_nonlocal(const std::vector<std::string>& names, bool is_global, int line) {
    if (pass_ != Pass::Scope) return;
    if (!is_global && cur_->kind == ScopeKind::Module) error("can't declare nonlocal in outer code", line);
    for (const std::string& name : names) {
        NameInfo& info = cur_->find_or_add(name, NameKind::Undecided);
        if (is_global) {
            declare_global(info, line);
        } else {
            declare_nonlocal(info, line);
        }
    }
}

// global x: x is a module variable here (and is made explicit in the module's table too).
void CodeGenerator::declare_global(NameInfo& info, int line) {
    if (info.kind != NameKind::Undecided && info.kind != NameKind::GlobalExplicit) {
        error("identifier redefined as global", line);
    }
    info.kind = NameKind::GlobalExplicit;
    if (NameInfo* global = scopes_.module().find(info.name)) global->kind = NameKind::GlobalExplicit;
}

// nonlocal x: x must be bound in an enclosing function.
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
