// The module-wide state of a compilation: the qstr table, the constant table (both numbered in
// first-use order, as mpy-cross numbers them) and each scope's finished code, assembled at the end
// into the .mpy model (common/mpy_model.h).
//
// Numbering rules reproduced here:
//  * qstr 0 is the source file name; every other string gets the next index the first time any
//    scope uses it (instruction argument, simple name or argument name).  Strings are compared by
//    content.
//  * a constant object gets the next index unless an earlier entry is *strictly* equal: same type
//    and equal value, so 1 (int), 1.0 (float) and True are three entries; 0.0 and -0.0 are two;
//    a NaN is equal only to the same object: math.nan (MicroPython's static NaN, recognised by
//    its bits 0x7ff8000000000000) is one entry however often it is used, every other NaN (from
//    folding, e.g. -math.nan) is a new entry each time; tuples compare item by item.
//  * each scope's children are the scopes its MAKE_FUNCTION / MAKE_CLOSURE instructions name, in
//    instruction order (dead code included).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/mpy_model.h"
#include "compiler/frontend/ast.h"

namespace mpy {

class ModuleBuilder {
public:
    explicit ModuleBuilder(std::string source_file);

    // Index of `s` in the qstr table, adding it at the end if new.
    std::uint32_t use_qstr(std::string_view s);
    // Index of `value` in the constant table, adding it unless a strictly equal entry exists.
    // `identity` names the object the value stands for (the AST node's address: the same node
    // is the same object in every pass).  It matters only for NaN, which is never equal to a
    // *different* object: without it, registering one `-math.nan` in the scope pass and again in
    // the code pass would create two entries where the reference, passing the same object
    // twice, has one.
    std::uint32_t use_constant(const ast::ConstValue& value, const void* identity = nullptr);
    // Index of the constant-table entry for &mp_fun_table (native code reaches the runtime
    // through it), added at first use; one entry however often used.
    std::uint32_t use_fun_table();

    // Per-scope facts learned while emitting.
    void mark_generator(std::uint32_t scope);
    bool is_generator(std::uint32_t scope) const;
    void set_code(std::uint32_t scope, std::vector<std::uint8_t> code,
                  std::vector<std::uint32_t> children);
    // Machine code for a native scope: `code` holds everything but the children (kind NativePy
    // or NativeViper, the code with its embedded prelude, prelude offset, stored scope flags).
    void set_native_code(std::uint32_t scope, RawCode code, std::vector<std::uint32_t> children);
    bool has_code(std::uint32_t scope) const;
    // True if some scope has machine code (the header then names the architecture).
    bool has_native_code() const;
    // The finished function data of one scope: its bytecode or machine code (empty if none yet).
    const std::vector<std::uint8_t>& code_of(std::uint32_t scope) const;

    const std::vector<std::string>& qstrs() const { return qstrs_; }
    const std::vector<ast::ConstValue>& constants() const { return constants_; }

    // The raw-code tree rooted at `root` (children nested as the MAKE_* instructions name them).
    // Throws DiagnosticError if some scope in the tree never got code.
    RawCode raw_code_tree(std::uint32_t root = 0) const;
    // The constant table in the model's form (numbers as the text mpy-cross writes).
    std::vector<Constant> model_constants() const;
    // Everything together: header (from the caller), qstrs, constants, tree from scope 0.
    MpyModule to_module(const ModuleHeader& header) const;

private:
    struct ScopeCode {
        bool generator = false;
        bool has_code = false;
        RawCode raw;  // without children: those are scope ids until raw_code_tree
        std::vector<std::uint32_t> children;
    };
    ScopeCode& scope(std::uint32_t id);

    std::vector<std::string> qstrs_;
    std::unordered_map<std::string, std::uint32_t> qstr_index_;
    std::vector<ast::ConstValue> constants_;
    std::vector<const void*> constant_identity_;  // parallel to constants_ (nullptr: none)
    // The entry standing for &mp_fun_table, if used (constants_ holds a placeholder there that
    // nothing else may match).
    std::optional<std::uint32_t> fun_table_index_;
    std::vector<ScopeCode> scopes_;
};

// True if the reference would treat `a` and `b` as the same constant-table entry (see above).
bool constants_strictly_equal(const ast::ConstValue& a, const ast::ConstValue& b);

// The .mpy model form of a parser constant.
Constant to_model_constant(const ast::ConstValue& value);

}  // namespace mpy
