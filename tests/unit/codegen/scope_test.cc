// Scope analysis: name classification, closures and slot numbering (compiler/scope/scope.h).
// Expected numbering follows MicroPython 1.27's scope_compute_things (checked against mpy-cross).
#include <gtest/gtest.h>

#include "compiler/scope/scope.h"

namespace mpy {
namespace {

Scope& add_function(ScopeTree& tree, Scope* parent, const char* name) {
    return tree.add(ScopeKind::Function, parent, name, nullptr, EmitMode::Bytecode);
}

NameInfo& add_param(Scope& s, const char* name) {
    NameInfo& info = s.find_or_add(name, NameKind::Local);
    info.is_param = true;
    return info;
}

TEST(CodegenScope, StoreMakesLocalInFunctionButAssignedGlobalAtModule) {
    ScopeTree tree;
    Scope& mod = tree.add(ScopeKind::Module, nullptr, "<module>", nullptr, EmitMode::Bytecode);
    Scope& f = add_function(tree, &mod, "f");
    EXPECT_EQ(mod.note_store("x").kind, NameKind::GlobalImplicitAssigned);
    EXPECT_EQ(f.note_store("x").kind, NameKind::Local);
    EXPECT_EQ(f.note_load("y").kind, NameKind::GlobalImplicit);
    // A load after a store keeps the local.
    EXPECT_EQ(f.note_load("x").kind, NameKind::Local);
    // A store after a load turns the implicit global into a local.
    EXPECT_EQ(f.note_store("y").kind, NameKind::Local);
}

TEST(CodegenScope, ImplicitGlobalInFunctionBecomesExplicit) {
    ScopeTree tree;
    Scope& mod = tree.add(ScopeKind::Module, nullptr, "<module>", nullptr, EmitMode::Bytecode);
    Scope& f = add_function(tree, &mod, "f");
    f.note_load("print");
    mod.note_load("print");
    mod.assign_slots();
    f.assign_slots();
    EXPECT_EQ(f.find("print")->kind, NameKind::GlobalExplicit);  // LOAD_GLOBAL
    EXPECT_EQ(mod.find("print")->kind, NameKind::GlobalImplicit);  // LOAD_NAME
    EXPECT_EQ(f.num_locals, 0);
}

TEST(CodegenScope, NamedStarParamMovesAfterKeywordOnlyParams) {
    // def f(a, b, *args, c, **kw): slots a=0 b=1 c=2 args=3 kw=4
    ScopeTree tree;
    Scope& mod = tree.add(ScopeKind::Module, nullptr, "<module>", nullptr, EmitMode::Bytecode);
    Scope& f = add_function(tree, &mod, "f");
    add_param(f, "a");
    add_param(f, "b");
    add_param(f, "args").is_star_param = true;
    add_param(f, "c");
    add_param(f, "kw").is_dbl_star_param = true;
    f.flags = kScopeVarArgs | kScopeVarKeywords;
    f.num_pos_args = 2;
    f.num_kwonly_args = 1;
    f.note_store("local");
    f.assign_slots();
    EXPECT_EQ(f.find("a")->slot, 0);
    EXPECT_EQ(f.find("b")->slot, 1);
    EXPECT_EQ(f.find("c")->slot, 2);
    EXPECT_EQ(f.find("args")->slot, 3);
    EXPECT_EQ(f.find("kw")->slot, 4);
    EXPECT_EQ(f.find("local")->slot, 5);
    EXPECT_EQ(f.num_locals, 6);
}

TEST(CodegenScope, ClosureMakesCellInOwnerAndFreeInUser) {
    // def f(p): x = 1; def g(): return x + p
    ScopeTree tree;
    Scope& mod = tree.add(ScopeKind::Module, nullptr, "<module>", nullptr, EmitMode::Bytecode);
    Scope& f = add_function(tree, &mod, "f");
    Scope& g = add_function(tree, &f, "g");
    add_param(f, "p");
    f.num_pos_args = 1;
    f.note_store("x");
    f.note_store("g");
    g.note_load("x");
    g.note_load("p");
    for (Scope* s : {&mod, &f, &g}) {
        for (NameInfo& info : s->names) {
            if (info.kind == NameKind::GlobalImplicit) s->close_over_if_bound_outside(info);
        }
    }
    EXPECT_EQ(f.find("x")->kind, NameKind::Cell);
    EXPECT_EQ(f.find("p")->kind, NameKind::Cell);
    EXPECT_EQ(g.find("x")->kind, NameKind::Free);
    EXPECT_EQ(g.find("p")->kind, NameKind::Free);
    f.assign_slots();
    g.assign_slots();
    // f: the parameter keeps slot 0 even as a cell; local g at 1, then the cell x.
    EXPECT_EQ(f.find("p")->slot, 0);
    EXPECT_EQ(f.find("g")->slot, 1);
    EXPECT_EQ(f.find("x")->slot, 2);
    EXPECT_EQ(f.num_locals, 3);
    // g: free variables come first, in f's table order (p before x), as hidden arguments.
    EXPECT_EQ(g.find("p")->slot, 0);
    EXPECT_EQ(g.find("x")->slot, 1);
    EXPECT_EQ(g.num_pos_args, 2);
    EXPECT_EQ(g.num_locals, 2);
}

TEST(CodegenScope, ClassBetweenFunctionsPassesTheVariableThrough) {
    // def f(): x = 1; class C: def m(): return x
    ScopeTree tree;
    Scope& mod = tree.add(ScopeKind::Module, nullptr, "<module>", nullptr, EmitMode::Bytecode);
    Scope& f = add_function(tree, &mod, "f");
    Scope& c = tree.add(ScopeKind::Class, &f, "C", nullptr, EmitMode::Bytecode);
    Scope& m = add_function(tree, &c, "m");
    f.note_store("x");
    c.find_or_add("__class__", NameKind::Local);
    m.note_load("x");
    m.close_over_if_bound_outside(*m.find("x"));
    EXPECT_EQ(m.find("x")->kind, NameKind::Free);
    EXPECT_EQ(c.find("x")->kind, NameKind::Free);
    EXPECT_EQ(f.find("x")->kind, NameKind::Cell);
}

TEST(CodegenScope, ModuleLevelNamesAreNeverClosedOver) {
    ScopeTree tree;
    Scope& mod = tree.add(ScopeKind::Module, nullptr, "<module>", nullptr, EmitMode::Bytecode);
    Scope& f = add_function(tree, &mod, "f");
    mod.note_store("x");
    f.note_load("x");
    f.close_over_if_bound_outside(*f.find("x"));
    EXPECT_EQ(f.find("x")->kind, NameKind::GlobalImplicit);
    EXPECT_EQ(mod.find("x")->kind, NameKind::GlobalImplicitAssigned);
}

TEST(CodegenScope, ClassDunderClassIsNotALocalButCanBeACell) {
    // class C: def m(self): super()  -> __class__ is a cell of C, slot 0 (no other locals)
    ScopeTree tree;
    Scope& mod = tree.add(ScopeKind::Module, nullptr, "<module>", nullptr, EmitMode::Bytecode);
    Scope& c = tree.add(ScopeKind::Class, &mod, "C", nullptr, EmitMode::Bytecode);
    Scope& m = add_function(tree, &c, "m");
    c.find_or_add("__class__", NameKind::Local);
    c.note_store("m");
    add_param(m, "self");
    m.num_pos_args = 1;
    m.note_load("__class__");
    m.close_over_if_bound_outside(*m.find("__class__"));
    c.assign_slots();
    m.assign_slots();
    EXPECT_EQ(c.find("__class__")->kind, NameKind::Cell);
    EXPECT_EQ(c.find("__class__")->slot, 0);
    EXPECT_EQ(c.num_locals, 1);
    EXPECT_EQ(c.find("m")->kind, NameKind::GlobalImplicitAssigned);
    EXPECT_EQ(m.find("__class__")->slot, 0);
    EXPECT_EQ(m.find("self")->slot, 1);
}

TEST(CodegenScope, DefaultNames) {
    EXPECT_EQ(default_scope_name(ScopeKind::Module), "<module>");
    EXPECT_EQ(default_scope_name(ScopeKind::GenExpr), "<genexpr>");
    EXPECT_EQ(default_scope_name(ScopeKind::DictComp), "<dictcomp>");
}

}  // namespace
}  // namespace mpy
