// Scopes and name resolution: which names are locals, cells, free variables or globals, and
// which slot each local occupies.
//
// The code generator fills these tables during its scope pass (one walk over each scope's body,
// recording every name it loads, stores or declares, in compile order).  `assign_slots` then
// numbers the locals exactly as MicroPython 1.27 does, because the numbering is visible in the
// bytecode (LOAD_FAST n) and in the prelude (argument names, cell list):
//   * names keep the order in which the scope pass first met them (parameters first, since they
//     are declared before the body is walked);
//   * a named `*args` parameter is moved after the other plain parameters (only `**kw` follows);
//   * free variables come first (in the order of the parent scope's table), then parameters and
//     locals, then cells that are not parameters.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/mpy_format.h"

namespace mpy {

// Order matters: everything from Lambda on is "function-like" (has fast locals), and the four
// comprehension kinds are contiguous.
enum class ScopeKind : std::uint8_t {
    Module,
    Class,
    Lambda,
    ListComp,
    DictComp,
    SetComp,
    GenExpr,
    Function,
};

inline bool is_function_like(ScopeKind k) { return k >= ScopeKind::Lambda; }
inline bool is_comprehension(ScopeKind k) { return k >= ScopeKind::ListComp && k <= ScopeKind::GenExpr; }

enum class NameKind : std::uint8_t {
    Undecided,               // declared by `global`/`nonlocal` processing, not yet resolved
    GlobalImplicit,          // only read here: LOAD_NAME (module/class) or LOAD_GLOBAL (functions)
    GlobalImplicitAssigned,  // written at module/class level: stays a NAME op, never closed over
    GlobalExplicit,          // `global x`, or an implicit global inside a function: *_GLOBAL ops
    Local,                   // fast local of a function-like scope
    Cell,                    // local of this scope that an inner scope closes over
    Free,                    // belongs to an enclosing function scope
};

// Which code generator a scope asks for (decorators @micropython.native etc., or -X emit=).
enum class EmitMode : std::uint8_t { Bytecode, Native, Viper, Asm };

struct NameInfo {
    std::string name;
    NameKind kind = NameKind::Undecided;
    bool is_param = false;
    bool is_star_param = false;      // `*args`
    bool is_dbl_star_param = false;  // `**kwargs`
    // Local slot (Local / parameter) or closure slot (Cell / Free); valid after assign_slots.
    int slot = 0;
};

struct Scope {
    ScopeKind kind = ScopeKind::Module;
    Scope* parent = nullptr;  // not owning: the ScopeTree owns every scope
    std::string simple_name;  // "<module>", function/class name, "<lambda>", "<listcomp>", ...
    const void* node = nullptr;  // the AST node this scope compiles (identity only)
    int index = 0;               // position in discovery order (= compile order)
    // The line MicroPython's parse node for this scope has (def/class/lambda keyword, first
    // element of a comprehension, first statement of the module): the line of a compile error
    // whose own node had none.
    int line = 0;
    EmitMode emit_mode = EmitMode::Bytecode;

    std::uint32_t flags = 0;  // kScope* signature flags of common/mpy_format.h
    // Some name of the scope is an explicit global (after assign_slots: every unassigned name in
    // a function), so native code must keep the module's globals at hand.  In viper the cast
    // names (int, uint, ptr, ptr8, ptr16, ptr32) are not globals.
    bool references_globals = false;
    int num_pos_args = 0;
    int num_kwonly_args = 0;
    int num_def_pos_args = 0;
    int num_locals = 0;

    // Stable addresses: the generator keeps references to entries while adding more.
    std::deque<NameInfo> names;

    NameInfo* find(std::string_view name);
    const NameInfo* find(std::string_view name) const;
    NameInfo& find_or_add(std::string_view name, NameKind kind_if_new);

    // The name as used by a load: adds it as an implicit global if unknown.
    NameInfo& note_load(std::string_view name);
    // The name as the target of a store/delete: an unknown or implicitly global name becomes a
    // local in function-like scopes, or "assigned" (never closed over) in module/class scopes.
    NameInfo& note_store(std::string_view name);

    // If `info` (an implicit global of this scope) is bound in an enclosing function scope, make it
    // a free variable here and close it over in every scope in between.
    void close_over_if_bound_outside(NameInfo& info);

    // Numbers locals, cells and free variables (after the scope pass of every scope).
    void assign_slots();
};

// All scopes of a module, in discovery order: the module first, then each nested scope in the
// order the scope pass meets it (breadth-first over the scope-pass walk).  This is also the order
// in which scopes are compiled, which decides the numbering of qstrs and constants.
class ScopeTree {
public:
    Scope& add(ScopeKind kind, Scope* parent, std::string simple_name, const void* node,
               EmitMode mode);
    std::size_t size() const { return scopes_.size(); }
    Scope& operator[](std::size_t i) { return *scopes_[i]; }
    const Scope& operator[](std::size_t i) const { return *scopes_[i]; }
    Scope& module() { return *scopes_.front(); }

private:
    std::vector<std::unique_ptr<Scope>> scopes_;
};

// The name MicroPython gives scopes that have no name of their own.
std::string_view default_scope_name(ScopeKind kind);

}  // namespace mpy
