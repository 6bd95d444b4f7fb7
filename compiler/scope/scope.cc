#include "compiler/scope/scope.h"

#include <utility>

#include "compiler/scope/viper_types.h"

namespace mpy {

std::string_view default_scope_name(ScopeKind kind) {
    switch (kind) {
        case ScopeKind::Module: return "<module>";
        case ScopeKind::Lambda: return "<lambda>";
        case ScopeKind::ListComp: return "<listcomp>";
        case ScopeKind::DictComp: return "<dictcomp>";
        case ScopeKind::SetComp: return "<setcomp>";
        case ScopeKind::GenExpr: return "<genexpr>";
        case ScopeKind::Class:
        case ScopeKind::Function: break;
    }
    return {};
}

NameInfo* Scope::find(std::string_view name) {
    for (NameInfo& info : names) {
        if (info.name == name) return &info;
    }
    return nullptr;
}

const NameInfo* Scope::find(std::string_view name) const {
    for (const NameInfo& info : names) {
        if (info.name == name) return &info;
    }
    return nullptr;
}

NameInfo& Scope::find_or_add(std::string_view name, NameKind kind_if_new) {
    if (NameInfo* info = find(name)) return *info;
    NameInfo& info = names.emplace_back();
    info.name = std::string(name);
    info.kind = kind_if_new;
    return info;
}

NameInfo& Scope::note_load(std::string_view name) { return find_or_add(name, NameKind::GlobalImplicit); }

NameInfo& Scope::note_store(std::string_view name) {
    NameInfo& info = find_or_add(name, NameKind::GlobalImplicit);
    if (info.kind == NameKind::GlobalImplicit) {
        info.kind = is_function_like(kind) ? NameKind::Local : NameKind::GlobalImplicitAssigned;
    }
    return info;
}

namespace {

// `name` is free in `inner`: walk outwards declaring it free until the scope that binds it, which
// turns its local into a cell.
void close_over_in_enclosing(Scope& inner, const std::string& name) {
    for (Scope* s = inner.parent; s != nullptr; s = s->parent) {
        NameInfo& info = s->find_or_add(name, NameKind::Undecided);
        if (info.kind == NameKind::Undecided) {
            info.kind = NameKind::Free;
            continue;
        }
        if (info.kind == NameKind::Local) info.kind = NameKind::Cell;
        return;  // Cell or Free already: closed over further out
    }
}

}  // namespace

void Scope::close_over_if_bound_outside(NameInfo& info) {
    if (parent == nullptr) return;
    // The module scope never provides closures, so stop before it.
    for (Scope* s = parent; s->parent != nullptr; s = s->parent) {
        const NameInfo* outer = s->find(info.name);
        if (outer == nullptr) continue;
        if (outer->kind == NameKind::Local || outer->kind == NameKind::Cell ||
            outer->kind == NameKind::Free) {
            info.kind = NameKind::Free;
            close_over_in_enclosing(*this, info.name);
        }
        return;  // the nearest scope that knows the name decides
    }
}

void Scope::assign_slots() {
    // A named *args goes after the other plain parameters (just before **kwargs), which is where
    // the VM's argument setup puts it.
    if (flags & kScopeVarArgs) {
        NameInfo* last_plain_param = nullptr;
        for (auto it = names.rbegin(); it != names.rend(); ++it) {
            if (it->is_star_param) {
                if (last_plain_param != nullptr) std::swap(*last_plain_param, *it);
                break;
            }
            if (last_plain_param == nullptr && it->is_param && !it->is_dbl_star_param) {
                last_plain_param = &*it;
            }
        }
    }

    num_locals = 0;
    for (NameInfo& info : names) {
        // A class's __class__ is not a local: it only exists to become a cell for super().
        if (kind == ScopeKind::Class && info.name == "__class__") continue;
        if (is_function_like(kind) && info.kind == NameKind::GlobalImplicit) {
            info.kind = NameKind::GlobalExplicit;
        }
        // In viper the cast names (int(x), ptr8(buf), ...) are not globals.
        const bool is_cast = emit_mode == EmitMode::Viper && viper_type_of(info.name) >= kViperInt;
        if (info.kind == NameKind::GlobalExplicit && !is_cast) {
            references_globals = true;
        }
        // A parameter keeps its argument slot even when it is also a cell.
        if (info.kind == NameKind::Local || info.is_param) info.slot = num_locals++;
    }
    for (NameInfo& info : names) {
        if (info.kind == NameKind::Cell && !info.is_param) info.slot = num_locals++;
    }

    // Free variables are passed in as hidden leading arguments, in the parent's table order.
    if (parent == nullptr) return;
    int num_free = 0;
    for (const NameInfo& outer : parent->names) {
        if (outer.kind != NameKind::Cell && outer.kind != NameKind::Free) continue;
        for (NameInfo& info : names) {
            if (info.kind == NameKind::Free && info.name == outer.name) info.slot = num_free++;
        }
    }
    if (num_free == 0) return;
    for (NameInfo& info : names) {
        if (info.kind != NameKind::Free || info.is_param) info.slot += num_free;
    }
    num_pos_args += num_free;
    num_locals += num_free;
}

Scope& ScopeTree::add(ScopeKind kind, Scope* parent, std::string simple_name, const void* node,
                      EmitMode mode) {
    auto scope = std::make_unique<Scope>();
    scope->kind = kind;
    scope->parent = parent;
    scope->simple_name = std::move(simple_name);
    scope->node = node;
    scope->index = static_cast<int>(scopes_.size());
    scope->emit_mode = mode;
    scopes_.push_back(std::move(scope));
    return *scopes_.back();
}

}  // namespace mpy
