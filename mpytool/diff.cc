#include "mpytool/diff.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "mpytool/code_walk.h"

namespace mpy::tool {
namespace {

// One instruction rendered position-independently.
std::vector<std::string> normalised_listing(const MpyModule& m, const FunctionView& v,
                                            const std::vector<FunctionView>& views) {
    std::map<std::size_t, std::size_t> index_of;
    for (std::size_t i = 0; i < v.instructions.size(); ++i) index_of[v.instructions[i].offset] = i;
    std::vector<std::string> out;
    for (const auto& insn : v.instructions) {
        std::string text = opcode_name(insn.opcode);
        if (insn.info && (insn.info->arg == ArgKind::SignedJump || insn.info->arg == ArgKind::UnsignedJump)) {
            auto it = index_of.find(static_cast<std::size_t>(insn.jump_target));
            text += it != index_of.end() ? fmt::format(" -> #{}", it->second) : fmt::format(" -> <bad {:#x}>", insn.jump_target);
            if (insn.extra) text += fmt::format(" [{}]", *insn.extra);
        } else {
            std::string arg = describe_argument(m, &v, &views, insn);
            if (!arg.empty()) text += " " + arg;
        }
        out.push_back(std::move(text));
    }
    return out;
}

// One line of an alignment: ' ' same, '-' only in A, '+' only in B, with the instruction
// numbers on each side (npos where absent).
struct Aligned {
    char mark;
    std::size_t ia, ib;
};

// Longest-common-subsequence alignment of two listings.  Common prefix and suffix are trimmed
// first, so typical small edits cost little; huge differing middles are shown as replaced.
std::vector<Aligned> align(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    constexpr std::size_t npos = static_cast<std::size_t>(-1);
    std::size_t pre = 0;
    while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
    std::size_t suf = 0;
    while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) ++suf;
    std::size_t n = a.size() - pre - suf, k = b.size() - pre - suf;
    std::vector<Aligned> out;
    for (std::size_t i = 0; i < pre; ++i) out.push_back({' ', i, i});
    if (n * k > 4'000'000) {
        for (std::size_t i = 0; i < n; ++i) out.push_back({'-', pre + i, npos});
        for (std::size_t j = 0; j < k; ++j) out.push_back({'+', npos, pre + j});
    } else {
        std::vector<std::vector<std::uint32_t>> lcs(n + 1, std::vector<std::uint32_t>(k + 1, 0));
        for (std::size_t i = n; i-- > 0;) {
            for (std::size_t j = k; j-- > 0;) {
                lcs[i][j] = a[pre + i] == b[pre + j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        std::size_t i = 0, j = 0;
        while (i < n || j < k) {
            if (i < n && j < k && a[pre + i] == b[pre + j]) {
                out.push_back({' ', pre + i++, pre + j++});
            } else if (i < n && (j == k || lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.push_back({'-', pre + i++, npos});
            } else {
                out.push_back({'+', npos, pre + j++});
            }
        }
    }
    for (std::size_t s = 0; s < suf; ++s) out.push_back({' ', a.size() - suf + s, b.size() - suf + s});
    return out;
}

std::string signature_text(const MpyModule& m, const FunctionView& v) {
    std::string out = std::string(code_kind_name(v.rc->kind));
    if (v.prelude) {
        const auto& s = v.prelude->sig;
        std::vector<std::string> args;
        for (auto q : v.prelude->arg_names) args.push_back(qstr_text(m, q));
        out += fmt::format(" args ({}) pos {} kwonly {} defaults {} flags {:#x} n_state {} n_exc_stack {}",
                           fmt::join(args, ", "), s.n_pos_args, s.n_kwonly_args, s.n_def_pos_args, s.scope_flags,
                           s.n_state, s.n_exc_stack);
        if (v.rc->kind == CodeKind::Bytecode) {
            std::vector<std::string> cells;
            for (std::size_t i = v.prelude->offset_closure_info; i < v.prelude->offset_opcodes; ++i)
                cells.push_back(fmt::format("{}", v.rc->code[i]));
            out += fmt::format(" cells [{}]", fmt::join(cells, ","));
        }
    }
    return out;
}

void diff_function(std::string& out, bool& identical, const LoadedMpy& fa, const FunctionView& a,
                   const std::vector<FunctionView>& va, const LoadedMpy& fb, const FunctionView& b,
                   const std::vector<FunctionView>& vb) {
    std::vector<std::string> notes;
    std::string sa = signature_text(fa.module, a), sb = signature_text(fb.module, b);
    if (sa != sb) notes.push_back(fmt::format("  signature: {}\n          -> {}", sa, sb));
    if (a.rc->children.size() != b.rc->children.size())
        notes.push_back(fmt::format("  children: {} -> {}", a.rc->children.size(), b.rc->children.size()));
    std::string body;
    if (a.rc->kind == CodeKind::Bytecode && b.rc->kind == CodeKind::Bytecode) {
        auto la = normalised_listing(fa.module, a, va), lb = normalised_listing(fb.module, b, vb);
        if (la != lb) {
            for (const auto& x : align(la, lb)) {
                if (x.mark == '-') {
                    body += fmt::format("  - #{:<4} line {:<4} {}\n", x.ia, a.line_of(a.instructions[x.ia].offset), la[x.ia]);
                } else if (x.mark == '+') {
                    body += fmt::format("  + #{:<4} line {:<4} {}\n", x.ib, b.line_of(b.instructions[x.ib].offset), lb[x.ib]);
                }
            }
        }
        std::vector<std::uint32_t> ln_a, ln_b;
        for (const auto& i : a.instructions) ln_a.push_back(a.line_of(i.offset));
        for (const auto& i : b.instructions) ln_b.push_back(b.line_of(i.offset));
        if (la == lb && ln_a != ln_b) notes.push_back("  line numbers differ (same instructions)");
    } else if (a.rc->code != b.rc->code) {
        notes.push_back(fmt::format("  machine code differs ({} bytes -> {} bytes)", a.rc->code.size(), b.rc->code.size()));
    }
    if (notes.empty() && body.empty()) return;
    identical = false;
    out += fmt::format("~ {}\n", a.qualified_name);
    for (const auto& n : notes) out += n + "\n";
    out += body;
}

// The module-wide tables.  Instructions are compared by what they name, not by table index, so
// tables that differ only in order or in unused entries would otherwise go unreported while the
// bytes differ (e.g. a constant added twice, or qstrs interned in another order).  Entries are
// aligned like instruction listings, so one inserted entry reads as one insertion.
void diff_table(std::string& out, const char* what, const std::vector<std::string>& a,
                const std::vector<std::string>& b) {
    if (a == b) return;
    out += fmt::format("{} table: {} entries -> {} entries\n", what, a.size(), b.size());
    for (const auto& x : align(a, b)) {
        if (x.mark == '-') out += fmt::format("  - #{}: {}\n", x.ia, a[x.ia]);
        if (x.mark == '+') out += fmt::format("  + #{}: {}\n", x.ib, b[x.ib]);
    }
}

}  // namespace

DiffResult diff_modules(const LoadedMpy& fa, const LoadedMpy& fb) {
    DiffResult r;
    const auto& ha = fa.module.header;
    const auto& hb = fb.module.header;
    std::string& out = r.text;
    auto header_text = [](const ModuleHeader& h) {
        return fmt::format("v{}.{} arch {} small-int-bits {}{}", h.version, h.sub_version,
                           h.arch == NativeArch::None ? "none" : std::string(arch_name(h.arch)), h.small_int_bits,
                           h.arch_flags ? fmt::format(" arch-flags {:#x}", *h.arch_flags) : "");
    };
    if (!(ha == hb)) {
        out += fmt::format("header: {} -> {}\n", header_text(ha), header_text(hb));
    }
    if (!fa.module.qstrs.empty() && !fb.module.qstrs.empty() && fa.module.qstrs[0] != fb.module.qstrs[0]) {
        out += fmt::format("source file: {} -> {}\n", fa.module.qstrs[0], fb.module.qstrs[0]);
    }
    auto va = walk_module(fa.module, &fa.layout);
    auto vb = walk_module(fb.module, &fb.layout);
    std::map<std::string, const FunctionView*> by_name_b;
    for (const auto& v : vb) by_name_b[v.qualified_name] = &v;
    std::map<std::string, bool> matched;
    bool identical = out.empty();
    for (const auto& a : va) {
        auto it = by_name_b.find(a.qualified_name);
        if (it == by_name_b.end()) {
            out += fmt::format("- {} ({}, only in {})\n", a.qualified_name, code_kind_name(a.rc->kind), fa.path);
            identical = false;
            continue;
        }
        matched[a.qualified_name] = true;
        diff_function(out, identical, fa, a, va, fb, *it->second, vb);
    }
    for (const auto& b : vb) {
        if (!matched.count(b.qualified_name)) {
            out += fmt::format("+ {} ({}, only in {})\n", b.qualified_name, code_kind_name(b.rc->kind), fb.path);
            identical = false;
        }
    }
    // Entry 0 of the qstr table (the source file) was reported above.
    auto qstr_entries = [](const MpyModule& m) {
        std::vector<std::string> out;
        for (std::size_t i = 1; i < m.qstrs.size(); ++i) out.push_back(fmt::format("'{}'", m.qstrs[i]));
        return out;
    };
    auto constant_entries = [](const MpyModule& m) {
        std::vector<std::string> out;
        for (const auto& c : m.constants) out.push_back(constant_repr(c));
        return out;
    };
    diff_table(out, "qstr", qstr_entries(fa.module), qstr_entries(fb.module));
    // Compared as objects first: two constants can print alike (1.0 and 1.0000000000000002 need
    // not, but NaN payloads and -0.0 vs 0.0 could), and then the alignment below shows nothing.
    if (!(fa.module.constants == fb.module.constants)) {
        auto ca = constant_entries(fa.module), cb = constant_entries(fb.module);
        if (ca == cb) {
            out += "constant table: entries differ in value but print alike\n";
        } else {
            diff_table(out, "constant", ca, cb);
        }
    }
    r.identical = identical && out.empty();
    return r;
}

}  // namespace mpy::tool
