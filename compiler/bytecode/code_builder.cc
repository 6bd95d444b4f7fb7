#include "compiler/bytecode/code_builder.h"

#include <cmath>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>

#include "common/diagnostics.h"
#include "common/float_text.h"

namespace mpy {

namespace {

bool contains_nan(const ast::ConstValue& v) {
    switch (v.kind) {
        case ast::ConstValue::Kind::Float: return std::isnan(v.real);
        case ast::ConstValue::Kind::Complex: return std::isnan(v.real) || std::isnan(v.imag);
        case ast::ConstValue::Kind::Tuple:
            for (const ast::ConstValue& item : v.items) {
                if (contains_nan(item)) return true;
            }
            return false;
        default: return false;
    }
}

}  // namespace

ModuleBuilder::ModuleBuilder(std::string source_file) { use_qstr(source_file); }

std::uint32_t ModuleBuilder::use_qstr(std::string_view s) {
    auto [it, inserted] =
        qstr_index_.try_emplace(std::string(s), static_cast<std::uint32_t>(qstrs_.size()));
    if (inserted) qstrs_.emplace_back(s);
    return it->second;
}

std::uint32_t ModuleBuilder::use_constant(const ast::ConstValue& value, const void* identity) {
    // Linear search like the reference: tables are small, and strict equality (NaN, -0.0) does
    // not hash well.  The same object is always equal to itself (even a NaN).
    for (std::size_t i = 0; i < constants_.size(); ++i) {
        if (fun_table_index_ == i) continue;
        if ((identity != nullptr && constant_identity_[i] == identity) ||
            constants_strictly_equal(constants_[i], value)) {
            return static_cast<std::uint32_t>(i);
        }
    }
    constants_.push_back(value);
    // Identity is only remembered where it can matter, so that a caller's short-lived copies
    // can never be mistaken for one another.
    constant_identity_.push_back(contains_nan(value) ? identity : nullptr);
    return static_cast<std::uint32_t>(constants_.size() - 1);
}

std::uint32_t ModuleBuilder::use_fun_table() {
    if (!fun_table_index_) {
        fun_table_index_ = static_cast<std::uint32_t>(constants_.size());
        constants_.emplace_back();
        constant_identity_.push_back(nullptr);
    }
    return *fun_table_index_;
}

ModuleBuilder::ScopeCode& ModuleBuilder::scope(std::uint32_t id) {
    if (id >= scopes_.size()) scopes_.resize(id + 1);
    return scopes_[id];
}

void ModuleBuilder::mark_generator(std::uint32_t id) { scope(id).generator = true; }

bool ModuleBuilder::is_generator(std::uint32_t id) const {
    return id < scopes_.size() && scopes_[id].generator;
}

void ModuleBuilder::set_code(std::uint32_t id, std::vector<std::uint8_t> code,
                             std::vector<std::uint32_t> children) {
    RawCode raw;
    raw.kind = CodeKind::Bytecode;
    raw.code = std::move(code);
    set_native_code(id, std::move(raw), std::move(children));
}

void ModuleBuilder::set_native_code(std::uint32_t id, RawCode code, std::vector<std::uint32_t> children) {
    ScopeCode& s = scope(id);
    code.children.clear();  // the tree is built from `children` in raw_code_tree
    s.raw = std::move(code);
    s.children = std::move(children);
    s.has_code = true;
}

bool ModuleBuilder::has_native_code() const {
    for (const ScopeCode& s : scopes_) {
        if (s.has_code && s.raw.is_native()) return true;
    }
    return false;
}

bool ModuleBuilder::has_code(std::uint32_t id) const {
    return id < scopes_.size() && scopes_[id].has_code;
}

const std::vector<std::uint8_t>& ModuleBuilder::code_of(std::uint32_t id) const {
    static const std::vector<std::uint8_t> kNone;
    return has_code(id) ? scopes_[id].raw.code : kNone;
}

RawCode ModuleBuilder::raw_code_tree(std::uint32_t root) const {
    if (!has_code(root)) {
        throw DiagnosticError(
            Diagnostic{"error", fmt::format("internal: scope {} was never compiled", root), {}});
    }
    const ScopeCode& s = scopes_[root];
    RawCode rc = s.raw;
    rc.children.reserve(s.children.size());
    // A scope is a child of exactly one MAKE_* in valid code, so the recursion is a tree walk.
    for (std::uint32_t child : s.children) rc.children.push_back(raw_code_tree(child));
    return rc;
}

std::vector<Constant> ModuleBuilder::model_constants() const {
    std::vector<Constant> out;
    out.reserve(constants_.size());
    for (std::size_t i = 0; i < constants_.size(); ++i) {
        out.push_back(fun_table_index_ == i ? Constant::fun_table() : to_model_constant(constants_[i]));
    }
    return out;
}

MpyModule ModuleBuilder::to_module(const ModuleHeader& header) const {
    MpyModule m;
    m.header = header;
    m.qstrs = qstrs_;
    m.constants = model_constants();
    m.module = raw_code_tree(0);
    return m;
}

// ---- constants -----------------------------------------------------------------------------------

namespace {

using Kind = ast::ConstValue::Kind;

// The bits of math.nan: MicroPython's one static NaN object (a positive quiet NaN).  Arithmetic
// (inf - inf, -nan, ...) on the host yields NaNs with the sign bit set, each a new object.
bool is_static_nan(double v) {
    std::uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    return bits == 0x7ff8000000000000ULL;
}

// Same float for the constant table: equal values, and zeros only with the same sign
// (0.0 and -0.0 must both survive in the .mpy).  The reference first compares object identity,
// so NaN equals NaN only when both are math.nan's static object; any other NaN is a fresh object
// that equals nothing.
bool same_float(double a, double b) {
    if (std::isnan(a) || std::isnan(b)) return is_static_nan(a) && is_static_nan(b);
    if (a != b) return false;
    return a != 0.0 || std::signbit(a) == std::signbit(b);
}

}  // namespace

bool constants_strictly_equal(const ast::ConstValue& a, const ast::ConstValue& b) {
    if (a.kind != b.kind) return false;  // types differ: 1, 1.0 and True are distinct
    switch (a.kind) {
        case Kind::None:
        case Kind::False:
        case Kind::True:
        case Kind::Ellipsis:
            return true;
        case Kind::Int:
            return a.int_decimal == b.int_decimal;
        case Kind::Float:
            return same_float(a.real, b.real);
        case Kind::Complex:
            // Complex equality is plain value equality in the reference (no sign-of-zero rule).
            return a.real == b.real && a.imag == b.imag;
        case Kind::Str:
        case Kind::Bytes:
            return a.text == b.text;
        case Kind::Tuple:
            if (a.items.size() != b.items.size()) return false;
            for (std::size_t i = 0; i < a.items.size(); ++i) {
                if (!constants_strictly_equal(a.items[i], b.items[i])) return false;
            }
            return true;
    }
    return false;
}

Constant to_model_constant(const ast::ConstValue& v) {
    switch (v.kind) {
        case Kind::None: return Constant::none();
        case Kind::False: return Constant::boolean(false);
        case Kind::True: return Constant::boolean(true);
        case Kind::Ellipsis: return Constant::ellipsis();
        case Kind::Int: return Constant::integer(v.int_decimal);
        case Kind::Float: return Constant::floating(float_repr(v.real));
        case Kind::Complex: return Constant::complex(complex_repr(v.real, v.imag));
        case Kind::Str: return Constant::str(v.text);
        case Kind::Bytes: return Constant::bytes(v.text);
        case Kind::Tuple: {
            std::vector<Constant> items;
            items.reserve(v.items.size());
            for (const ast::ConstValue& item : v.items) items.push_back(to_model_constant(item));
            return Constant::tuple(std::move(items));
        }
    }
    return Constant::none();
}

}  // namespace mpy
