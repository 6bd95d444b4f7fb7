// Comprehensions, and the bodies of the scopes: module, function, lambda, class, comprehension.
#include "compiler/codegen/codegen.h"

namespace mpy {

namespace {

ScopeKind comprehension_scope_kind(ast::Comprehension::Kind k) {
    switch (k) {
        case ast::Comprehension::Kind::List: return ScopeKind::ListComp;
        case ast::Comprehension::Kind::Set: return ScopeKind::SetComp;
        case ast::Comprehension::Kind::Dict: return ScopeKind::DictComp;
        case ast::Comprehension::Kind::Generator: return ScopeKind::GenExpr;
    }
    return ScopeKind::GenExpr;
}

// The comprehension's iterator argument: a name no Python code can spell (the empty qstr).
constexpr std::string_view kIterArg = "";

}  // namespace

// In the defining scope: make the comprehension function and call it with the iterator of its
// first `for` (a generator expression gets a plain iterator; the others iterate on the stack).
void CodeGenerator::comprehension(const ast::Comprehension& c) {
    const ScopeKind kind = comprehension_scope_kind(c.kind);
    Scope& cs = scope_for(&c, kind, default_scope_name(kind), cur_->emit_mode);
    if (pass_ == Pass::Scope) cs.line = c.items_line;
    close_over_and_make(cs, 0, 0);
    expr(*c.generators[0].iter);
    if (c.kind == ast::Comprehension::Kind::Generator) emit_->get_iter(false);
    emit_->call_function(1, 0, false);
}

void CodeGenerator::comprehension_body(const ast::Comprehension& c) {
    if (pass_ == Pass::Scope) {
        cur_->find_or_add(kIterArg, NameKind::Local);
        cur_->num_pos_args = 1;
    }
    emit_->set_source_line(c.items_line);
    switch (c.kind) {
        case ast::Comprehension::Kind::List: emit_->build_list(0); break;
        case ast::Comprehension::Kind::Dict: emit_->build_map(0); break;
        case ast::Comprehension::Kind::Set: emit_->build_set(0); break;
        case ast::Comprehension::Kind::Generator: break;
    }
    if (c.kind == ast::Comprehension::Kind::Generator) {
        // The iterator takes the 4 slots of an on-stack iterator; NULL in the first says the
        // second holds an iterator object.
        emit_->load_null();
        load_id(kIterArg);
        emit_->load_null();
        emit_->load_null();
    } else {
        load_id(kIterArg);
        emit_->get_iter(true);
    }
    comprehension_loop(c, 0);
    if (c.kind == ast::Comprehension::Kind::Generator) emit_->load_none();
    emit_->return_value();
}

// One `for` level: FOR_ITER, store the target, test the `if`s (jumping back to the top), then
// the next level or the element (yielded, or appended to the collection 4*depth+5 slots down).
void CodeGenerator::comprehension_loop(const ast::Comprehension& c, std::size_t depth) {
    const ast::ComprehensionFor& gen = c.generators[depth];
    Label l_top = emit_->new_label();
    Label l_end = emit_->new_label();
    emit_->label(l_top);
    emit_->for_iter(l_end);
    assign(*gen.target, AssignKind::Store);
    for (const ast::ComprehensionIf& cond : gen.ifs) cond_jump(*cond.test, false, l_top);
    if (depth + 1 < c.generators.size()) {
        expr(*c.generators[depth + 1].iter);
        emit_->get_iter(true);
        comprehension_loop(c, depth + 1);
    } else {
        if (c.kind == ast::Comprehension::Kind::Dict) {
            emit_->set_source_line(c.items_line);  // the key: value node
            expr(*c.value);
            expr(*c.elt);
        } else {
            expr(*c.elt);
        }
        if (c.kind == ast::Comprehension::Kind::Generator) {
            emit_->yield_value();
            cur_->flags |= kScopeGenerator;
            emit_->pop_top();
        } else {
            CompKind kind = c.kind == ast::Comprehension::Kind::List ? CompKind::List
                            : c.kind == ast::Comprehension::Kind::Dict ? CompKind::Dict
                                                                        : CompKind::Set;
            emit_->store_comp(kind, static_cast<std::uint32_t>(4 * depth + 5));
        }
    }
    emit_->jump(l_top);
    emit_->label(l_end);
    emit_->for_iter_end();
}

void CodeGenerator::module_body() {
    suite(module_.body);
    emit_->load_none();
    emit_->return_value();
}

void CodeGenerator::function_body(Scope& scope) {
    const auto& f = *static_cast<const ast::FunctionDef*>(scope.node);
    if (pass_ == Pass::Scope) {
        declare_params(f.params);
        if (scope.emit_mode == EmitMode::Viper) check_viper_annotations(f);
    }
    suite(f.body);
    raise_pending_error(0);
    emit_->load_none();
    emit_->return_value();
}

void CodeGenerator::lambda_body(Scope& scope) {
    const auto& l = *static_cast<const ast::Lambda*>(scope.node);
    emit_->set_source_line(scope.line);
    if (pass_ == Pass::Scope) declare_params(l.params);
    expr(*l.body);
    // A lambda containing yield is a generator: its value is not returned.
    if (scope.flags & kScopeGenerator) {
        emit_->pop_top();
        emit_->load_none();
    }
    emit_->return_value();
}

// class C: body  runs as a function that fills the class namespace and returns the __class__
// cell (if any method used super() or __class__) for __build_class__ to fill in.
void CodeGenerator::class_body(Scope& scope) {
    const auto& c = *static_cast<const ast::ClassDef*>(scope.node);
    if (pass_ == Pass::Scope) scope.find_or_add("__class__", NameKind::Local);
    load_id("__name__");
    store_id("__module__");
    emit_->load_const_str(c.name);
    store_id("__qualname__");
    suite(c.body);
    const NameInfo* cls = scope.find("__class__");
    if (cls->kind == NameKind::Local) {
        emit_->load_none();
    } else {
        emit_->load_fast(static_cast<std::uint32_t>(cls->slot));
    }
    emit_->return_value();
}

}  // namespace mpy
