#include "mpytool/verify.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "common/diagnostics.h"
#include "common/mpy_writer.h"
#include "mpytool/code_walk.h"
#include "mpytool/stack_check.h"

namespace mpy::tool {
namespace {

bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 0;
        if (len == 0 || i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k) {
            if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80) return false;
        }
        i += len;
    }
    return true;
}

bool valid_int_text(std::string_view s) {
    if (!s.empty() && s[0] == '-') s.remove_prefix(1);
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// What MicroPython's float parser accepts in a repr: digits, sign, '.', exponent, inf, nan.
bool valid_float_text(std::string_view s, bool complex) {
    if (complex) {
        if (s.empty() || s.back() != 'j') return false;
    }
    if (s.empty()) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-' || c == 'j' ||
               c == 'i' || c == 'n' || c == 'f' || c == 'a' || c == '(' || c == ')';
    });
}

class Verifier {
public:
    explicit Verifier(const LoadedMpy& f) : f_(f), m_(f.module) {}

    VerifyReport run() {
        check_header();
        check_tables();
        views_ = walk_module(m_, &f_.layout);
        report_.functions = views_.size();
        for (const auto& v : views_) check_function(v);
        check_trailing_and_encoding();
        return std::move(report_);
    }

private:
    void file_problem(std::optional<std::size_t> at, std::string msg, bool error = true) {
        report_.problems.push_back({error, at, {}, std::nullopt, std::move(msg)});
    }
    void code_problem(const FunctionView& v, std::optional<std::size_t> code_off, std::string msg, bool error = true) {
        std::optional<std::size_t> file_off;
        if (v.file_offset && code_off) file_off = *v.file_offset + *code_off;
        report_.problems.push_back({error, file_off, v.qualified_name, code_off, std::move(msg)});
    }

    void check_header() {
        const auto& h = m_.header;
        auto arch = static_cast<unsigned>(h.arch);
        bool has_native = contains_native(m_.module);
        if (arch >= static_cast<unsigned>(NativeArch::Debug)) {
            file_problem(2, fmt::format("native arch {} is {} : no runtime loads it", arch,
                                        h.arch == NativeArch::Debug ? "the debug trace arch" : "unknown"));
        }
        if (h.arch != NativeArch::None && h.sub_version != kMpySubVersion) {
            file_problem(2, fmt::format("native code needs sub-version {}, the header says {}", kMpySubVersion, h.sub_version));
        }
        if (has_native && h.arch == NativeArch::None) {
            file_problem(2, "the file contains native code but its header names no architecture");
        }
        // A loader built with the RV32 native emitter reads the flags whatever the header's arch is
        // (mpy-cross writes them even for a bytecode-only file compiled with -march=rv32imc);
        // every other loader refuses a file that carries them.
        if (h.arch_flags && h.arch != NativeArch::RV32IMC && h.arch != NativeArch::RV64IMC) {
            if (h.arch == NativeArch::None) {
                file_problem(2, "arch flags are present: only ports with the RV32 native emitter load this file", false);
            } else {
                file_problem(2, "arch flags are present but only RISC-V files may carry them (the loader rejects the file)");
            }
        }
        if (h.small_int_bits < 2 || h.small_int_bits > 64) {
            file_problem(3, fmt::format("small-int bits {} is not a plausible value", h.small_int_bits));
        }
    }

    void check_constant(const Constant& c, std::size_t index, bool has_native) {
        switch (c.tag) {
            case ObjTag::Str:
                if (!valid_utf8(c.text)) file_problem(f_.layout.obj_table, fmt::format("constant {}: str is not valid UTF-8", index));
                break;
            case ObjTag::Int:
                if (!valid_int_text(c.text))
                    file_problem(f_.layout.obj_table, fmt::format("constant {}: int text '{}' is not a decimal integer", index, c.text));
                break;
            case ObjTag::Float:
            case ObjTag::Complex:
                if (!valid_float_text(c.text, c.tag == ObjTag::Complex))
                    file_problem(f_.layout.obj_table, fmt::format("constant {}: '{}' is not a number", index, c.text));
                break;
            case ObjTag::FunTable:
                if (!has_native)
                    file_problem(f_.layout.obj_table,
                                 fmt::format("constant {}: mp_fun_table in a file without native code (bytecode-only runtimes cannot load it)", index));
                break;
            case ObjTag::Tuple:
                for (const auto& item : c.items) check_constant(item, index, has_native);
                break;
            default:
                break;
        }
    }

    void check_tables() {
        if (m_.qstrs.empty()) {
            file_problem(f_.layout.qstr_table, "the qstr table is empty (entry 0 must be the source file name)");
        }
        for (std::size_t i = 0; i < m_.qstrs.size(); ++i) {
            if (!valid_utf8(m_.qstrs[i])) file_problem(f_.layout.qstr_table, fmt::format("qstr {} is not valid UTF-8", i));
        }
        bool has_native = contains_native(m_.module);
        for (std::size_t i = 0; i < m_.constants.size(); ++i) check_constant(m_.constants[i], i, has_native);
    }

    void check_function(const FunctionView& v) {
        for (const auto& p : v.problems) code_problem(v, p.code_offset, p.message);
        switch (v.rc->kind) {
            case CodeKind::Bytecode: check_bytecode(v); break;
            case CodeKind::NativePy: check_native_prelude(v); break;
            case CodeKind::NativeViper:
            case CodeKind::NativeAsm: check_viper_asm(v); break;
        }
    }

    void check_prelude_names(const FunctionView& v) {
        if (!v.prelude) return;
        const auto& p = *v.prelude;
        if (p.simple_name >= m_.qstrs.size()) code_problem(v, p.offset_source_info, fmt::format("function name is qstr {}, beyond the {}-entry qstr table", p.simple_name, m_.qstrs.size()));
        for (auto q : p.arg_names) {
            if (q >= m_.qstrs.size()) code_problem(v, p.offset_source_info, fmt::format("argument name is qstr {}, beyond the {}-entry qstr table", q, m_.qstrs.size()));
        }
    }

    // The native emitter writes the prelude after the machine code, as the last thing in the
    // function, so a prelude that parses but ends elsewhere is not the prelude: the offset is
    // wrong.  One wrong offset is recognised (code_walk finds the true prelude): mpy-cross 1.27
    // keeps the offset in 16 bits, so every native function of more than 64 KiB that it writes
    // has the true offset modulo 65536.  Those files are what the reference compiler makes and
    // they import, so that is a warning; any other misplaced prelude is an error.
    void check_native_prelude(const FunctionView& v) {
        if (!v.prelude) return;  // the parse error is already reported
        check_prelude_names(v);
        const std::size_t size = v.rc->code.size();
        if (v.prelude_found_at) {
            code_problem(v, v.rc->prelude_offset,
                         fmt::format("prelude offset {:#x} is the true offset {:#x} cut to 16 bits, as mpy-cross 1.27 "
                                     "stores it for native functions over 64 KiB: MicroPython will read this "
                                     "function's frame sizes from the wrong bytes",
                                     v.rc->prelude_offset, *v.prelude_found_at),
                         /*error=*/false);
            return;
        }
        if (v.prelude->offset_opcodes != size) {
            code_problem(v, v.rc->prelude_offset,
                         fmt::format("the prelude at offset {:#x} ends at {:#x}, not at the end of the {}-byte machine "
                                     "code: prelude offset {:#x} is wrong",
                                     v.rc->prelude_offset, v.prelude->offset_opcodes, size, v.rc->prelude_offset));
        }
    }

    void check_bytecode(const FunctionView& v) {
        if (!v.prelude) return;  // already reported
        check_prelude_names(v);
        const auto& p = *v.prelude;
        const auto& sig = p.sig;
        std::uint64_t n_locals_min = std::uint64_t{sig.n_pos_args} + sig.n_kwonly_args +
                                     ((sig.scope_flags & kScopeVarArgs) ? 1 : 0) +
                                     ((sig.scope_flags & kScopeVarKeywords) ? 1 : 0);
        if (n_locals_min > sig.n_state) {
            code_problem(v, 0, fmt::format("n_state {} is smaller than the {} argument slots", sig.n_state, n_locals_min));
        }
        if (sig.n_def_pos_args > sig.n_pos_args) {
            code_problem(v, 0, fmt::format("{} defaults for only {} positional arguments", sig.n_def_pos_args, sig.n_pos_args));
        }
        for (std::size_t i = p.offset_closure_info; i < p.offset_opcodes; ++i) {
            if (v.rc->code[i] >= sig.n_state) code_problem(v, i, fmt::format("cell of local slot {} but n_state is {}", v.rc->code[i], sig.n_state));
        }
        if (v.instructions.empty() && v.problems.empty()) {
            code_problem(v, p.offset_opcodes, "function has no instructions");
            return;
        }
        std::set<std::size_t> starts;
        for (const auto& insn : v.instructions) starts.insert(insn.offset);
        bool generator = sig.scope_flags & kScopeGenerator;
        for (const auto& insn : v.instructions) {
            ++report_.instructions;
            check_instruction(v, insn, starts, generator);
        }
        if (!v.problems.empty()) return;  // decoding stopped early: the end is not the real end
        for (auto& pr : check_stack_discipline(v)) code_problem(v, pr.code_offset, std::move(pr.message));
        const auto& last = v.instructions.back();
        static constexpr std::uint8_t kEnders[] = {op::RETURN_VALUE, op::RAISE_LAST, op::RAISE_OBJ, op::RAISE_FROM, op::JUMP};
        if (std::find(std::begin(kEnders), std::end(kEnders), last.opcode) == std::end(kEnders)) {
            code_problem(v, last.offset, fmt::format("code ends with {}: execution would run past the end", opcode_name(last.opcode)));
        }
        // The line table must not describe more bytecode than there is.
        std::size_t described = 0;
        for (const auto& e : v.lines) described += e.bc_delta;
        std::size_t n_code = v.rc->code.size() - p.offset_opcodes;
        if (described > n_code) {
            code_problem(v, p.offset_line_info, fmt::format("line table covers {} bytes of bytecode but there are {}", described, n_code), false);
        }
    }

    void check_instruction(const FunctionView& v, const Instruction& insn, const std::set<std::size_t>& starts, bool generator) {
        const auto& info = *insn.info;
        const auto& p = *v.prelude;
        if (!info.known) {
            code_problem(v, insn.offset, fmt::format("unknown opcode {:#04x}", insn.opcode));
            return;
        }
        auto in_range = [&](std::uint64_t limit) { return insn.arg >= 0 && static_cast<std::uint64_t>(insn.arg) < limit; };
        switch (info.arg) {
            case ArgKind::Qstr:
                if (!in_range(m_.qstrs.size()))
                    code_problem(v, insn.offset, fmt::format("{} names qstr {} but the qstr table has {} entries", info.name, insn.arg, m_.qstrs.size()));
                break;
            case ArgKind::ConstObj:
                if (!in_range(m_.constants.size()))
                    code_problem(v, insn.offset, fmt::format("{} loads constant {} but the constant table has {} entries", info.name, insn.arg, m_.constants.size()));
                break;
            case ArgKind::Child:
                if (!in_range(v.rc->children.size()))
                    code_problem(v, insn.offset, fmt::format("{} makes child {} but the function has {} children", info.name, insn.arg, v.rc->children.size()));
                break;
            case ArgKind::Local:
                if (!in_range(p.sig.n_state))
                    code_problem(v, insn.offset, fmt::format("{} uses local slot {} but n_state is {}", opcode_name(insn.opcode), insn.arg, p.sig.n_state));
                break;
            case ArgKind::Embedded:
                if ((insn.opcode >= op::LOAD_FAST_MULTI && insn.opcode < op::LOAD_FAST_MULTI + kFastMultiCount) ||
                    (insn.opcode >= op::STORE_FAST_MULTI && insn.opcode < op::STORE_FAST_MULTI + kFastMultiCount)) {
                    if (!in_range(p.sig.n_state))
                        code_problem(v, insn.offset, fmt::format("{} uses local slot {} but n_state is {}", opcode_name(insn.opcode), insn.arg, p.sig.n_state));
                }
                break;
            case ArgKind::SignedJump:
            case ArgKind::UnsignedJump: {
                auto target = insn.jump_target;
                if (target < static_cast<std::int64_t>(p.offset_opcodes) || target >= static_cast<std::int64_t>(v.rc->code.size())) {
                    code_problem(v, insn.offset, fmt::format("{} jumps to {:#x}, outside the function's bytecode", info.name, target));
                } else if (!starts.count(static_cast<std::size_t>(target))) {
                    code_problem(v, insn.offset, fmt::format("{} jumps to {:#x}, which is not the start of an instruction", info.name, target));
                }
                break;
            }
            default:
                break;
        }
        if ((insn.opcode == op::YIELD_VALUE || insn.opcode == op::YIELD_FROM) && !generator) {
            code_problem(v, insn.offset, fmt::format("{} in a function that is not a generator", info.name));
        }
    }

    void check_viper_asm(const FunctionView& v) {
        const RawCode& rc = *v.rc;
        std::uint64_t known = rc.kind == CodeKind::NativeViper ? (kScopeViperReloc | kScopeViperRodata | kScopeViperBss | kScopeAllSig) : kScopeAllSig;
        if (rc.scope_flags & ~known) code_problem(v, std::nullopt, fmt::format("unknown scope flags {:#x}", rc.scope_flags & ~known));
        if (rc.scope_flags & kScopeAllSig) {
            code_problem(v, std::nullopt, "viper/asm code cannot be a generator or take *args/**kwargs (signature scope flags must be 0)");
        }
        if (rc.relocations.empty()) return;
        unsigned word = (m_.header.arch == NativeArch::X64 || m_.header.arch == NativeArch::RV64IMC) ? 8 : 4;
        std::optional<std::uint64_t> next;  // word index of the next adjustment, when known
        bool in_rodata = false;
        for (const auto& r : rc.relocations) {
            if (r.has_address()) {
                next = r.address >> 1;
                in_rodata = r.address & 1;
            }
            if (!next) {
                code_problem(v, std::nullopt, "the first relocation entry names no address");
                return;
            }
            std::uint64_t limit = in_rodata ? rc.rodata.size() : rc.code.size();
            if (r.count > limit || *next > limit / word || (*next + r.count) * word > limit) {
                code_problem(v, std::nullopt, fmt::format("relocation of {} words at {} word {} lies outside the {} bytes of {}", r.count,
                                                          in_rodata ? "rodata" : "text", *next, limit, in_rodata ? "rodata" : "text"));
                return;
            }
            if ((r.op >> 1) == 2 || (r.op >> 1) == 3) {  // rodata destination
                if (!(rc.scope_flags & kScopeViperRodata)) code_problem(v, std::nullopt, "relocation against rodata, but the code has no rodata");
            }
            *next += r.count;
        }
    }

    void check_trailing_and_encoding() {
        if (f_.layout.end < f_.bytes.size()) {
            file_problem(f_.layout.end, fmt::format("{} bytes of trailing data after the module", f_.bytes.size() - f_.layout.end));
            return;
        }
        std::string again = write_mpy(m_);
        if (again != f_.bytes) {
            std::size_t at = 0;
            while (at < again.size() && at < f_.bytes.size() && again[at] == f_.bytes[at]) ++at;
            file_problem(at, "not in mpy-cross's canonical encoding (e.g. a static qstr spelled out); it still loads", false);
        }
    }

    const LoadedMpy& f_;
    const MpyModule& m_;
    std::vector<FunctionView> views_;
    VerifyReport report_;
};

}  // namespace

bool VerifyReport::ok() const {
    return std::none_of(problems.begin(), problems.end(), [](const auto& p) { return p.is_error; });
}

std::string VerifyReport::render(const std::string& path) const {
    std::string out;
    for (const auto& p : problems) {
        std::string where;
        if (!p.function.empty()) {
            where += fmt::format(" in {}", p.function);
            if (p.code_offset) where += fmt::format(" at code offset {:#x}", *p.code_offset);
        }
        if (p.file_offset) where += fmt::format(" (file offset {:#x})", *p.file_offset);
        out += fmt::format("{}: {}{}: {}\n", path, p.is_error ? "error" : "warning", where, p.message);
    }
    if (ok()) out += fmt::format("{}: ok ({} functions, {} instructions)\n", path, functions, instructions);
    return out;
}

VerifyReport verify_module(const LoadedMpy& file) { return Verifier(file).run(); }

VerifyReport verify_bytes(const std::string& bytes, const std::string& path) {
    try {
        return verify_module(parse_mpy(bytes, path));
    } catch (const DiagnosticError& e) {
        VerifyReport r;
        r.problems.push_back({true, std::nullopt, {}, std::nullopt, e.diagnostic().message});
        return r;
    }
}

}  // namespace mpy::tool
