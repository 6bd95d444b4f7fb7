// mpytool freeze: modules, raw codes and the qstr pool of frozen_content.c.  Output text and
// naming follow mpy-tool.py -f exactly (the port build compiles it and tools diff it).
#include "mpytool/freeze.h"

#include <algorithm>
#include <map>
#include <regex>

#include <fmt/format.h>

#include "common/diagnostics.h"
#include "common/opcodes.h"
#include "common/qstr_ident.h"
#include "common/qstr_static.h"
#include "mpytool/freeze_internal.h"

namespace mpy::tool {

using freeze_detail::State;

namespace {

constexpr const char* kSeparator =
    "////////////////////////////////////////////////////////////////////////////////";
// Str constants shorter than this (in characters) become qstrs when frozen.
constexpr std::size_t kStrInternThreshold = 25;

// One raw code with the names mpy-tool gives it.
struct Frozen {
    const RawCode* rc = nullptr;
    std::string escaped_name;  // unique C name suffix: fun_data_<escaped_name>, proto_fun_<...>
    std::optional<Prelude> prelude;
    std::vector<Frozen> children;
};

struct FrozenModule {
    const LoadedMpy* file = nullptr;
    std::string escaped_name;  // source file name with '/' -> '_' and its last 3 characters dropped
    Frozen top;
};

bool is_printable_code_point(std::uint32_t cp) {
    if (cp < 0x20 || cp == 0x7f) return false;
    if (cp < 0x7f) return true;
    if (cp <= 0xa0 || cp == 0xad) return false;
    if (cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200f) || (cp >= 0x2028 && cp <= 0x202f) ||
        (cp >= 0x205f && cp <= 0x206f) || cp == 0x3000 || cp == 0xfeff || (cp >= 0xfff9 && cp <= 0xfffb)) {
        return false;
    }
    if ((cp >= 0xd800 && cp <= 0xdfff) || (cp >= 0xe000 && cp <= 0xf8ff) || cp > 0x10ffff) return false;
    return true;
}

class Freezer {
public:
    Freezer(const std::vector<LoadedMpy>& inputs, const FreezeConfig& config) : inputs_(inputs), st_{config, {}, {}, {}, NativeArch::None} {}

    std::string run() {
        for (auto q : qstr::static_strings()) st_.known_qstrs.insert(std::string(q));
        for (const auto& f : inputs_) read_module(f);
        emit();
        return std::move(st_.out);
    }

private:
    // ---- the "read" pass: what mpy-tool works out while loading the files ----

    void add_global_qstr(const std::string& s) {
        dynamic_qstrs_.push_back(s);
        st_.known_qstrs.insert(s);
    }

    void collect_str_constants(const Constant& c) {
        if (c.tag == ObjTag::Str && utf8_length(c.text) < kStrInternThreshold && !st_.known_qstrs.count(c.text)) {
            add_global_qstr(c.text);
        }
        for (const auto& item : c.items) collect_str_constants(item);
    }

    std::string unique_name(const std::string& base) {
        std::string name = base;
        for (int i = 2; used_names_.count(name); ++i) name = base + std::to_string(i);
        used_names_.insert(name);
        return name;
    }

    Frozen name_raw_code(const MpyModule& m, const RawCode& rc, const std::string& parent_name) {
        Frozen fr;
        fr.rc = &rc;
        std::uint64_t name_index = 0;
        if (rc.kind == CodeKind::Bytecode || rc.kind == CodeKind::NativePy) {
            fr.prelude = parse_prelude(rc.code, rc.kind == CodeKind::NativePy ? rc.prelude_offset : 0);
            name_index = fr.prelude->simple_name;
        }
        if (name_index >= m.qstrs.size()) raise_error(fmt::format("function name is qstr {}, beyond the qstr table", name_index));
        fr.escaped_name = unique_name(parent_name + "_" + qstr::ident(m.qstrs[name_index]));
        // Children of the module body are named after the module, not "<module>".
        std::string child_parent = fr.escaped_name.ends_with("_lt_module_gt_") ? parent_name : fr.escaped_name;
        for (const auto& child : rc.children) fr.children.push_back(name_raw_code(m, child, child_parent));
        return fr;
    }

    void read_module(const LoadedMpy& f) {
        const MpyModule& m = f.module;
        if (m.header.arch != NativeArch::None) {
            if (m.header.sub_version != kMpySubVersion) raise_error(f.path + ": incompatible .mpy sub-version");
            if (st_.arch != NativeArch::None && st_.arch != m.header.arch) raise_error(f.path + ": native architecture mismatch");
            st_.arch = m.header.arch;
        }
        if (m.qstrs.empty()) raise_error(f.path + ": the qstr table is empty");
        for (const auto& q : m.qstrs) {
            if (!qstr::static_index(q)) add_global_qstr(q);
        }
        for (const auto& c : m.constants) collect_str_constants(c);
        FrozenModule fm;
        fm.file = &f;
        std::string name = m.qstrs[0];
        std::replace(name.begin(), name.end(), '/', '_');
        fm.escaped_name = drop_last_chars(name, 3);
        fm.top = name_raw_code(m, m.module, fm.escaped_name);
        modules_.push_back(std::move(fm));
    }

    static std::string drop_last_chars(const std::string& s, std::size_t n) {
        std::size_t end = s.size();
        for (std::size_t k = 0; k < n && end > 0; ++k) {
            --end;
            while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xc0) == 0x80) --end;
        }
        return s.substr(0, end);
    }

    // ---- output ----

    void line(const std::string& s = {}) { st_.line(s); }

    void emit_header_and_pool() {
        // New qstrs: collected ones the firmware lacks, one per identifier, sorted by value.
        std::vector<std::pair<std::string, std::string>> fresh;  // (value, ident)
        std::set<std::string> idents;
        for (const auto& s : dynamic_qstrs_) {
            std::string id = qstr::ident(s);
            if (qstr::static_index(s) || firmware_has(id) || idents.count(id)) continue;
            idents.insert(id);
            fresh.emplace_back(s, id);
        }
        std::stable_sort(fresh.begin(), fresh.end(), [](const auto& a, const auto& b) { return a.first < b.first; });

        const auto& cfg = st_.config;
        line("#include \"py/mpconfig.h\"");
        line("#include \"py/objint.h\"");
        line("#include \"py/objstr.h\"");
        line("#include \"py/emitglue.h\"");
        line("#include \"py/nativeglue.h\"");
        line();
        line(fmt::format("#if MICROPY_LONGINT_IMPL != {}", static_cast<int>(cfg.longint_impl)));
        line("#error \"incompatible MICROPY_LONGINT_IMPL\"");
        line("#endif");
        line();
        if (cfg.longint_impl == LongIntImpl::Mpz) {
            line(fmt::format("#if MPZ_DIG_SIZE != {}", cfg.mpz_dig_size));
            line("#error \"incompatible MPZ_DIG_SIZE\"");
            line("#endif");
            line();
        }
        for (const char* l : {"#if MICROPY_PY_BUILTINS_FLOAT", "typedef struct _mp_obj_float_t {", "    mp_obj_base_t base;",
                              "    mp_float_t value;", "} mp_obj_float_t;", "#endif", "", "#if MICROPY_PY_BUILTINS_COMPLEX",
                              "typedef struct _mp_obj_complex_t {", "    mp_obj_base_t base;", "    mp_float_t real;",
                              "    mp_float_t imag;", "} mp_obj_complex_t;", "#endif", ""}) {
            line(l);
        }
        if (!fresh.empty()) {
            line("enum {");
            for (std::size_t i = 0; i < fresh.size(); ++i) {
                line(i == 0 ? fmt::format("    MP_QSTR_{} = MP_QSTRnumber_of,", fresh[i].second)
                            : fmt::format("    MP_QSTR_{},", fresh[i].second));
            }
            line("};");
        }
        std::size_t pool_alloc = std::min<std::size_t>(fresh.size(), 10);
        if (cfg.qstr_bytes_in_hash) {
            line();
            line("const qstr_hash_t mp_qstr_frozen_const_hashes[] = {");
            for (const auto& [s, id] : fresh) {
                line(fmt::format("    {},", qstr::hash(s, cfg.qstr_bytes_in_hash)));
                st_.counts.qstr_content += cfg.qstr_bytes_in_hash;
            }
            line("};");
        }
        line();
        line("const qstr_len_t mp_qstr_frozen_const_lengths[] = {");
        for (const auto& [s, id] : fresh) {
            line(fmt::format("    {},", s.size()));
            st_.counts.qstr_content += cfg.qstr_bytes_in_len + static_cast<long>(s.size()) + 1;
        }
        line("};");
        line();
        line("extern const qstr_pool_t mp_qstr_const_pool;");
        line("const qstr_pool_t mp_qstr_frozen_const_pool = {");
        line("    &mp_qstr_const_pool, // previous pool");
        line("    MP_QSTRnumber_of, // previous pool size");
        line("    true, // is_sorted");
        line(fmt::format("    {}, // allocated entries", pool_alloc));
        line(fmt::format("    {}, // used entries", fresh.size()));
        if (cfg.qstr_bytes_in_hash) line("    (qstr_hash_t *)mp_qstr_frozen_const_hashes,");
        line("    (qstr_len_t *)mp_qstr_frozen_const_lengths,");
        line("    {");
        for (const auto& [s, id] : fresh) line(fmt::format("        \"{}\",", qstr::c_pool_literal(s)));
        line("    },");
        line("};");
        fresh_count_ = fresh.size();
    }

    bool firmware_has(const std::string& ident) const {
        return static_idents().count(ident) || st_.config.firmware_qstr_idents.count(ident);
    }

    static const std::set<std::string>& static_idents() {
        static const std::set<std::string> idents = [] {
            std::set<std::string> s;
            for (auto q : qstr::static_strings()) s.insert(qstr::ident(q));
            return s;
        }();
        return idents;
    }

    static const std::string& qstr_at(const MpyModule& m, std::uint64_t index) {
        if (index >= m.qstrs.size()) raise_error(fmt::format("{}: qstr index {} is beyond the qstr table", m.qstrs[0], index));
        return m.qstrs[static_cast<std::size_t>(index)];
    }

    static std::string byte_list(std::span<const std::uint8_t> bytes) {
        std::string out;
        for (auto b : bytes) out += fmt::format("0x{:02x},", b);
        return out;
    }

    // The opcode comment mpy-tool writes: its name, then the qstr repr or the raw argument.
    std::string opcode_comment(const MpyModule& m, std::span<const std::uint8_t> code, std::size_t ip, std::size_t& size) {
        std::string error;
        auto insn = decode_instruction(code, ip, &error);
        if (!insn) raise_error(fmt::format("{}: {}", m.qstrs[0], error));
        size = insn->length;
        std::string name = opcode_name(insn->opcode);
        OpFormat format = opcode_format(insn->opcode);
        if (format == OpFormat::Qstr) {
            if (insn->arg < 0 || static_cast<std::uint64_t>(insn->arg) >= m.qstrs.size()) raise_error(fmt::format("{}: qstr index {} out of range", m.qstrs[0], insn->arg));
            name += " " + python_str_repr(m.qstrs[static_cast<std::size_t>(insn->arg)]);
        } else if (format == OpFormat::VarUint || format == OpFormat::Offset) {
            name += fmt::format(" {}", insn->arg);
        }
        return name;
    }

    void freeze_bytecode(const MpyModule& m, const Frozen& fr) {
        const auto& code = fr.rc->code;
        std::span<const std::uint8_t> bc(code);
        const Prelude& p = *fr.prelude;
        line(fmt::format("// frozen bytecode for file {}, scope {}", m.qstrs[0], fr.escaped_name));
        line(fmt::format("static const byte fun_data_{}[{}] = {{", fr.escaped_name, code.size()));
        line(fmt::format("    {} // prelude", byte_list(bc.subspan(0, p.offset_source_info))));
        std::vector<std::string> names{qstr_at(m, p.simple_name)};
        for (auto q : p.arg_names) names.push_back(qstr_at(m, q));
        line(fmt::format("    {} // names: {}", byte_list(bc.subspan(p.offset_source_info, p.offset_line_info - p.offset_source_info)),
                         fmt::join(names, ", ")));
        line(fmt::format("    {} // code info", byte_list(bc.subspan(p.offset_line_info, p.offset_opcodes - p.offset_line_info))));
        for (std::size_t ip = p.offset_opcodes; ip < code.size();) {
            std::size_t size = 0;
            std::string comment = opcode_comment(m, bc, ip, size);
            std::vector<std::string> bytes;
            for (std::size_t k = ip; k < ip + size; ++k) bytes.push_back(fmt::format("0x{:02x}", code[k]));
            line(fmt::format("    {}, // {}", fmt::join(bytes, ","), comment));
            ip += size;
        }
        line("};");
        freeze_children(m, fr, {});
        freeze_raw_code(fr, {}, 0);
        st_.counts.bc_content += static_cast<long>(code.size());
    }

    std::string native_attributes() const {
        NativeArch a = st_.arch;
        bool hash_comment = a == NativeArch::X86 || a == NativeArch::X64 || a == NativeArch::Xtensa ||
                            a == NativeArch::XtensaWin || a == NativeArch::RV32IMC || a == NativeArch::RV64IMC;
        std::string attrs = hash_comment ? "__attribute__((section(\".text,\\\"ax\\\",@progbits # \")))"
                                         : "__attribute__((section(\".text,\\\"ax\\\",%progbits @ \")))";
        if (a == NativeArch::ArmV6 || a == NativeArch::Xtensa || a == NativeArch::XtensaWin) {
            attrs += " __attribute__ ((aligned (4)))";
        } else if ((a >= NativeArch::ArmV6M && a <= NativeArch::ArmV7EMDP) || a == NativeArch::RV32IMC ||
                   a == NativeArch::RV64IMC) {
            attrs += " __attribute__ ((aligned (2)))";
        }
        return attrs;
    }

    void freeze_native(const MpyModule& m, const Frozen& fr) {
        const RawCode& rc = *fr.rc;
        std::uint64_t scope_flags = fr.prelude ? fr.prelude->sig.scope_flags : rc.scope_flags;
        if (scope_flags & ~std::uint64_t{0x0f}) raise_error(fmt::format("error while freezing {}: unable to freeze code with relocations", m.qstrs[0]));
        line();
        line(fmt::format("// frozen native code for file {}, scope {}", m.qstrs[0], fr.escaped_name));
        line(fmt::format("static const byte fun_data_{}[{}] {} = {{", fr.escaped_name, rc.code.size(), native_attributes()));
        for (std::size_t i = 0; i < rc.code.size(); i += 16) {
            std::string l = "   ";
            for (std::size_t k = i; k < std::min(i + 16, rc.code.size()); ++k) l += fmt::format(" 0x{:02x},", rc.code[k]);
            line(l);
        }
        line("};");
        std::string prelude_ptr;
        if (rc.kind == CodeKind::NativePy) {
            prelude_ptr = fmt::format("fun_data_{}_prelude_macro", fr.escaped_name);
            line("#if MICROPY_EMIT_NATIVE_PRELUDE_SEPARATE_FROM_MACHINE_CODE");
            std::size_t n = rc.code.size() - rc.prelude_offset;
            std::string l = fmt::format("static const byte fun_data_{}_prelude[{}] = {{", fr.escaped_name, n);
            for (std::size_t k = rc.prelude_offset; k < rc.code.size(); ++k) l += fmt::format(" 0x{:02x},", rc.code[k]);
            line(l + "};");
            line(fmt::format("#define {} &fun_data_{}_prelude[0]", prelude_ptr, fr.escaped_name));
            line("#else");
            line(fmt::format("#define {} &fun_data_{}[{}]", prelude_ptr, fr.escaped_name, rc.prelude_offset));
            line("#endif");
        }
        freeze_children(m, fr, prelude_ptr);
        freeze_raw_code(fr, prelude_ptr, rc.asm_type_sig);
    }

    void freeze_any(const MpyModule& m, const Frozen& fr) {
        if (fr.rc->kind == CodeKind::Bytecode) {
            freeze_bytecode(m, fr);
        } else {
            freeze_native(m, fr);
        }
    }

    void freeze_children(const MpyModule& m, const Frozen& fr, const std::string& prelude_ptr) {
        if (fr.children.empty()) return;
        for (const auto& child : fr.children) {
            line(fmt::format("// child of {}", fr.escaped_name));
            freeze_any(m, child);
            line();
        }
        line(fmt::format("static const mp_raw_code_t *const children_{}[] = {{", fr.escaped_name));
        for (const auto& child : fr.children) line(fmt::format("    (const mp_raw_code_t *)&proto_fun_{},", child.escaped_name));
        if (!prelude_ptr.empty()) line(fmt::format("    (void *){},", prelude_ptr));
        line("};");
        line();
    }

    void freeze_raw_code(const Frozen& fr, const std::string& prelude_ptr, std::uint64_t type_sig) {
        const RawCode& rc = *fr.rc;
        static constexpr const char* kKindNames[] = {"MP_CODE_BYTECODE", "MP_CODE_NATIVE_PY", "MP_CODE_NATIVE_VIPER", "MP_CODE_NATIVE_ASM"};
        const char* type = rc.kind == CodeKind::NativeAsm ? "mp_raw_code_t" : "mp_raw_code_truncated_t";
        bool minimal = rc.kind == CodeKind::Bytecode && fr.children.empty() && prelude_ptr.empty();
        std::uint64_t scope_flags = fr.prelude ? fr.prelude->sig.scope_flags : rc.scope_flags;
        const std::string& n = fr.escaped_name;
        if (minimal) line("#if MICROPY_PERSISTENT_CODE_SAVE");
        line(fmt::format("static const {} proto_fun_{} = {{", type, n));
        line("    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,");
        line("    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,");
        line(fmt::format("    .kind = {},", kKindNames[static_cast<int>(rc.kind)]));
        line(fmt::format("    .is_generator = {},", (scope_flags & kScopeGenerator) ? 1 : 0));
        line(fmt::format("    .fun_data = fun_data_{},", n));
        if (!fr.children.empty()) {
            line(fmt::format("    .children = (void *)&children_{},", n));
        } else if (!prelude_ptr.empty()) {
            line(fmt::format("    .children = (void *){},", prelude_ptr));
        } else {
            line("    .children = NULL,");
        }
        line("    #if MICROPY_PERSISTENT_CODE_SAVE");
        line(fmt::format("    .fun_data_len = {},", rc.code.size()));
        line(fmt::format("    .n_children = {},", fr.children.size()));
        line("    #if MICROPY_EMIT_MACHINE_CODE");
        line(fmt::format("    .prelude_offset = {},", rc.kind == CodeKind::NativePy ? rc.prelude_offset : 0));
        line("    #endif");
        if (rc.kind == CodeKind::Bytecode) {
            const Prelude& p = *fr.prelude;
            line("    #if MICROPY_PY_SYS_SETTRACE");
            line("    .line_of_definition = 0,");
            line("    .prelude = {");
            line(fmt::format("        .n_state = {},", p.sig.n_state));
            line(fmt::format("        .n_exc_stack = {},", p.sig.n_exc_stack));
            line(fmt::format("        .scope_flags = {},", p.sig.scope_flags));
            line(fmt::format("        .n_pos_args = {},", p.sig.n_pos_args));
            line(fmt::format("        .n_kwonly_args = {},", p.sig.n_kwonly_args));
            line(fmt::format("        .n_def_pos_args = {},", p.sig.n_def_pos_args));
            line(fmt::format("        .qstr_block_name_idx = {},", p.simple_name));
            line(fmt::format("        .line_info = fun_data_{} + {},", n, p.offset_line_info));
            line(fmt::format("        .line_info_top = fun_data_{} + {},", n, p.offset_closure_info));
            line(fmt::format("        .opcodes = fun_data_{} + {},", n, p.offset_opcodes));
            line("    },");
            line("    #endif");
        }
        line("    #endif");
        if (rc.kind == CodeKind::NativeAsm) {
            line(fmt::format("    .asm_n_pos_args = {},", rc.asm_n_pos_args));
            line(fmt::format("    .asm_type_sig = {},", type_sig));
        }
        line("};");
        if (minimal) {
            line("#else");
            line(fmt::format("#define proto_fun_{} fun_data_{}[0]", n, n));
            line("#endif");
        }
        st_.counts.raw_code_count += 1;
        st_.counts.raw_code_content += 4 * 4;
    }

    void freeze_module(const FrozenModule& fm) {
        const MpyModule& m = fm.file->module;
        const std::string& n = fm.escaped_name;
        line();
        line(kSeparator);
        line(fmt::format("// frozen module {}", n));
        line(fmt::format("// - original source file: {}", fm.file->path));
        line(fmt::format("// - frozen file name: {}", m.qstrs[0]));
        std::string header;
        for (std::size_t i = 0; i < 4 && i < fm.file->bytes.size(); ++i) {
            header += fmt::format("{}{:02x}", i ? ":" : "", static_cast<unsigned char>(fm.file->bytes[i]));
        }
        line(fmt::format("// - .mpy header: {}", header));
        line();
        freeze_any(m, fm.top);
        line();
        freeze_constants(fm);
        line();
        line(fmt::format("static const mp_frozen_module_t frozen_module_{} = {{", n));
        line("    .constants = {");
        line(m.qstrs.empty() ? "        .qstr_table = NULL," : fmt::format("        .qstr_table = (qstr_short_t *)&const_qstr_table_data_{},", n));
        line(m.constants.empty() ? "        .obj_table = NULL," : fmt::format("        .obj_table = (mp_obj_t *)&const_obj_table_data_{},", n));
        line("    },");
        line(fmt::format("    .proto_fun = &proto_fun_{},", fm.top.escaped_name));
        line("};");
    }

    void freeze_constants(const FrozenModule& fm) {
        const MpyModule& m = fm.file->module;
        const std::string& n = fm.escaped_name;
        if (!m.qstrs.empty()) {
            line(fmt::format("static const qstr_short_t const_qstr_table_data_{}[{}] = {{", n, m.qstrs.size()));
            for (const auto& q : m.qstrs) line(fmt::format("    MP_QSTR_{},", qstr::ident(q)));
            line("};");
        }
        if (m.constants.empty()) return;
        line();
        line("// constants");
        std::vector<std::string> refs;
        for (std::size_t i = 0; i < m.constants.size(); ++i) {
            refs.push_back(freeze_detail::freeze_constant(st_, m.qstrs[0], fmt::format("const_obj_{}_{}", n, i), m.constants[i]));
        }
        line();
        line("// constant table");
        line(fmt::format("static const mp_rom_obj_t const_obj_table_data_{}[{}] = {{", n, m.constants.size()));
        for (const auto& r : refs) line(fmt::format("    {},", r));
        line("};");
        st_.counts.const_table_ptr_content += static_cast<long>(m.constants.size());
    }

    void emit() {
        emit_header_and_pool();
        for (const auto& fm : modules_) freeze_module(fm);

        line();
        line(kSeparator);
        line("// collection of all frozen modules");
        line();
        line("const char mp_frozen_names[] = {");
        line("    #ifdef MP_FROZEN_STR_NAMES");
        line("    MP_FROZEN_STR_NAMES");
        line("    #endif");
        long names_content = 1;
        for (const auto& fm : modules_) {
            const std::string& name = fm.file->module.qstrs[0];
            line(fmt::format("    \"{}\\0\"", name));
            names_content += static_cast<long>(utf8_length(name)) + 1;
        }
        line("    \"\\0\"");
        line("};");
        line();
        line("const mp_frozen_module_t *const mp_frozen_mpy_content[] = {");
        for (const auto& fm : modules_) line(fmt::format("    &frozen_module_{},", fm.escaped_name));
        line("};");
        long content_size = static_cast<long>(modules_.size()) * 4;
        line();
        line("#ifdef MICROPY_FROZEN_LIST_ITEM");
        for (const auto& fm : modules_) {
            const std::string& name = fm.file->module.qstrs[0];
            std::string short_name = name.ends_with("/__init__.py") ? name.substr(0, name.size() - 12) : drop_last_chars(name, 3);
            line(fmt::format("MICROPY_FROZEN_LIST_ITEM(\"{}\", \"{}\")", short_name, name));
        }
        line("#endif");
        const auto& c = st_.counts;
        line();
        line("/*");
        line("byte sizes:");
        line(fmt::format("qstr content: {} unique, {} bytes", fresh_count_, c.qstr_content));
        line(fmt::format("bc content: {}", c.bc_content));
        line(fmt::format("const str content: {}", c.const_str_content));
        line(fmt::format("const int content: {}", c.const_int_content));
        line(fmt::format("const obj content: {}", c.const_obj_content));
        line(fmt::format("const table qstr content: {} entries, {} bytes", c.const_table_qstr_content, c.const_table_qstr_content * 4));
        line(fmt::format("const table ptr content: {} entries, {} bytes", c.const_table_ptr_content, c.const_table_ptr_content * 4));
        line(fmt::format("raw code content: {} * 4 = {}", c.raw_code_count, c.raw_code_content));
        line(fmt::format("mp_frozen_mpy_names_content: {}", names_content));
        line(fmt::format("mp_frozen_mpy_content_size: {}", content_size));
        long total = c.qstr_content + c.bc_content + c.const_str_content + c.const_int_content + c.const_obj_content +
                     c.const_table_qstr_content * 4 + c.const_table_ptr_content * 4 + c.raw_code_content + names_content +
                     content_size;
        line(fmt::format("total: {}", total));
        line("*/");
    }

    const std::vector<LoadedMpy>& inputs_;
    State st_;
    std::vector<std::string> dynamic_qstrs_;  // mpy-tool's global qstr list past the static ones
    std::set<std::string> used_names_;
    std::vector<FrozenModule> modules_;
    std::size_t fresh_count_ = 0;
};

}  // namespace

std::size_t utf8_length(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xc0) != 0x80; }));
}

std::string python_str_repr(std::string_view s) {
    bool has_single = s.find('\'') != std::string_view::npos, has_double = s.find('"') != std::string_view::npos;
    char quote = has_single && !has_double ? '"' : '\'';
    std::string out(1, quote);
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        std::uint32_t cp = c;
        std::size_t len = 1;
        if (c >= 0x80) {
            len = (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 1;
            if (i + len > s.size()) len = 1;
            cp = len == 1 ? c : (c & (0x7f >> len));
            for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
        }
        if (cp == static_cast<unsigned char>(quote) || cp == '\\') {
            out += '\\';
            out += static_cast<char>(cp);
        } else if (cp == '\t') {
            out += "\\t";
        } else if (cp == '\n') {
            out += "\\n";
        } else if (cp == '\r') {
            out += "\\r";
        } else if (is_printable_code_point(cp)) {
            out.append(s.substr(i, len));
        } else if (cp <= 0xff) {
            out += fmt::format("\\x{:02x}", cp);
        } else if (cp <= 0xffff) {
            out += fmt::format("\\u{:04x}", cp);
        } else {
            out += fmt::format("\\U{:08x}", cp);
        }
        i += len;
    }
    out += quote;
    return out;
}

void load_qstr_header(const std::string& text, FreezeConfig& config) {
    static const std::regex qcfg(R"(^QCFG\((.+), (.+)\))");
    static const std::regex qdef(R"(^Q\((.*)\)$)");
    bool any_cfg = false;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t nl = text.find('\n', pos);
        std::string l = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
        pos = nl == std::string::npos ? text.size() + 1 : nl + 1;
        auto first = l.find_first_not_of(" \t\r");
        auto last = l.find_last_not_of(" \t\r");
        l = first == std::string::npos ? "" : l.substr(first, last - first + 1);
        std::smatch m;
        if (std::regex_search(l, m, qcfg)) {
            std::string value = m[2];
            if (value.size() >= 2 && value.front() == '(' && value.back() == ')') value = value.substr(1, value.size() - 2);
            any_cfg = true;
            if (m[1] == "BYTES_IN_LEN") config.qstr_bytes_in_len = static_cast<unsigned>(std::stoul(value));
            if (m[1] == "BYTES_IN_HASH") config.qstr_bytes_in_hash = static_cast<unsigned>(std::stoul(value));
            continue;
        }
        if (std::regex_match(l, m, qdef)) {
            std::string q = m[1];
            if (q == "\\n") q = "\n";
            if (q == "\\r\\n") q = "\r\n";
            config.firmware_qstr_idents.insert(qstr::ident(q));
        }
    }
    if (!any_cfg) raise_error("the qstr header has no QCFG lines (empty preprocessor output?)");
}

std::string freeze_modules(const std::vector<LoadedMpy>& inputs, const FreezeConfig& config) {
    return Freezer(inputs, config).run();
}

std::string empty_frozen_str_section() {
    return "//\n// Content for MICROPY_MODULE_FROZEN_STR\n//\n"
           "#include <stdint.h>\n"
           "#define MP_FROZEN_STR_NAMES \\\n"
           "\n"
           "const uint32_t mp_frozen_str_sizes[] = { 0 };\n"
           "const char mp_frozen_str_content[] = {\n"
           "\"\\0\"\n"
           "};\n"
           "\n"
           "//\n// Content for MICROPY_MODULE_FROZEN_MPY\n//\n";
}

}  // namespace mpy::tool
