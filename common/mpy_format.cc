#include "common/mpy_format.h"

#include <array>

#include <fmt/format.h>

#include "common/diagnostics.h"
#include "common/vuint.h"

namespace mpy {
namespace {

constexpr std::array<std::string_view, kNativeArchCount> kArchNames = {
    "",       "x86",     "x64",       "armv6",     "armv6m", "armv7m",  "armv7em",
    "armv7emsp", "armv7emdp", "xtensa", "xtensawin", "rv32imc", "rv64imc", "debug",
};

// Longest signature/size encoding we accept: ten bytes already describe values far beyond
// anything a 16-bit n_state or a real function could need.
constexpr std::size_t kMaxPreludeFieldBytes = 10;

[[noreturn]] void prelude_error(std::string message) {
    throw DiagnosticError(Diagnostic{"error", "prelude: " + std::move(message), {}});
}

}  // namespace

std::string_view arch_name(NativeArch arch) {
    auto n = static_cast<unsigned>(arch);
    return n < kArchNames.size() ? kArchNames[n] : std::string_view{};
}

std::optional<NativeArch> arch_from_name(std::string_view name) {
    for (unsigned n = 1; n < kArchNames.size(); ++n) {
        if (kArchNames[n] == name) {
            return static_cast<NativeArch>(n);
        }
    }
    return std::nullopt;
}

bool is_known_arch(unsigned n) { return n < kArchNames.size(); }

std::string_view code_kind_name(CodeKind kind) {
    switch (kind) {
        case CodeKind::Bytecode: return "bytecode";
        case CodeKind::NativePy: return "native";
        case CodeKind::NativeViper: return "viper";
        case CodeKind::NativeAsm: return "asm";
    }
    return "?";
}

void encode_prelude_signature(const PreludeSignature& in, std::vector<std::uint8_t>& out) {
    // Work on copies: every field is consumed bit by bit, lowest bits first.
    std::uint32_t S = in.n_state - 1, E = in.n_exc_stack, F = in.scope_flags & kScopeAllSig;
    std::uint32_t A = in.n_pos_args, K = in.n_kwonly_args, D = in.n_def_pos_args;
    std::uint8_t z = static_cast<std::uint8_t>((S & 0xf) << 3 | (E & 1) << 2 | (A & 3));
    S >>= 4;
    E >>= 1;
    A >>= 2;
    while (S | E | F | A | K | D) {
        out.push_back(0x80 | z);
        z = static_cast<std::uint8_t>((F & 1) << 6 | (S & 3) << 4 | (K & 1) << 3 | (A & 1) << 2 |
                                      (E & 1) << 1 | (D & 1));
        S >>= 2;
        E >>= 1;
        F >>= 1;
        A >>= 1;
        K >>= 1;
        D >>= 1;
    }
    out.push_back(z);
}

void encode_prelude_size(const PreludeSize& in, std::vector<std::uint8_t>& out) {
    std::uint32_t I = in.n_info, C = in.n_cell;
    do {
        std::uint8_t z = static_cast<std::uint8_t>((I & 0x3f) << 1 | (C & 1));
        C >>= 1;
        I >>= 6;
        if (C | I) {
            z |= 0x80;
        }
        out.push_back(z);
    } while (C | I);
}

std::optional<DecodedSignature> decode_prelude_signature(std::span<const std::uint8_t> bytes) {
    if (bytes.empty()) {
        return std::nullopt;
    }
    // 64-bit accumulators: a hostile ten-byte signature shifts bits up to position 2*9+6.
    std::uint64_t z = bytes[0];
    std::uint64_t S = (z >> 3) & 0xf, E = (z >> 2) & 1, F = 0, A = z & 3, K = 0, D = 0;
    std::size_t i = 1;
    for (unsigned n = 0; z & 0x80; ++n) {
        if (i >= bytes.size() || i >= kMaxPreludeFieldBytes) {
            return std::nullopt;
        }
        z = bytes[i++];
        S |= (z & 0x30) << (2 * n);
        E |= (z & 0x02) << n;
        F |= ((z & 0x40) >> 6) << n;
        A |= (z & 0x04) << n;
        K |= ((z & 0x08) >> 3) << n;
        D |= (z & 0x01) << n;
    }
    DecodedSignature out;
    out.sig.n_state = static_cast<std::uint32_t>(S + 1);
    out.sig.n_exc_stack = static_cast<std::uint32_t>(E);
    out.sig.scope_flags = static_cast<std::uint32_t>(F);
    out.sig.n_pos_args = static_cast<std::uint32_t>(A);
    out.sig.n_kwonly_args = static_cast<std::uint32_t>(K);
    out.sig.n_def_pos_args = static_cast<std::uint32_t>(D);
    out.length = i;
    return out;
}

std::optional<DecodedSize> decode_prelude_size(std::span<const std::uint8_t> bytes) {
    std::uint64_t I = 0, C = 0;
    for (std::size_t n = 0; n < bytes.size() && n < kMaxPreludeFieldBytes; ++n) {
        std::uint64_t z = bytes[n];
        C |= (z & 1) << n;
        I |= ((z & 0x7e) >> 1) << (6 * n);
        if (!(z & 0x80)) {
            if (I > UINT32_MAX || C > UINT32_MAX) {
                return std::nullopt;
            }
            return DecodedSize{{static_cast<std::uint32_t>(I), static_cast<std::uint32_t>(C)}, n + 1};
        }
    }
    return std::nullopt;
}

Prelude parse_prelude(std::span<const std::uint8_t> code, std::size_t start) {
    if (start > code.size()) {
        prelude_error(fmt::format("starts at {} beyond the code's {} bytes", start, code.size()));
    }
    Prelude p;
    auto sig = decode_prelude_signature(code.subspan(start));
    if (!sig) {
        prelude_error("signature runs past the end of the code");
    }
    p.sig = sig->sig;
    p.offset_size = start + sig->length;
    auto size = decode_prelude_size(code.subspan(p.offset_size));
    if (!size) {
        prelude_error("size field runs past the end of the code");
    }
    p.size = size->size;
    p.offset_source_info = p.offset_size + size->length;
    p.offset_closure_info = p.offset_source_info + p.size.n_info;
    p.offset_opcodes = p.offset_closure_info + p.size.n_cell;
    if (p.offset_opcodes > code.size()) {
        prelude_error(fmt::format("source info ({} bytes) and closure info ({} bytes) run past the "
                                  "end of the code ({} bytes)",
                                  p.size.n_info, p.size.n_cell, code.size()));
    }
    // The names live inside the source-info section.
    std::uint64_t n_names = 1ull + p.sig.n_pos_args + p.sig.n_kwonly_args;
    if (n_names > p.size.n_info) {
        prelude_error(fmt::format("{} names do not fit in a source-info section of {} bytes", n_names,
                                  p.size.n_info));
    }
    auto section = code.subspan(p.offset_source_info, p.size.n_info);
    std::size_t pos = 0;
    for (std::uint64_t k = 0; k < n_names; ++k) {
        auto v = vuint::decode(section.subspan(pos));
        if (!v || v->value > UINT32_MAX) {
            prelude_error("argument names run past the source-info section");
        }
        pos += v->length;
        if (k == 0) {
            p.simple_name = static_cast<std::uint32_t>(v->value);
        } else {
            p.arg_names.push_back(static_cast<std::uint32_t>(v->value));
        }
    }
    p.offset_line_info = p.offset_source_info + pos;
    return p;
}

std::vector<LineInfoEntry> decode_line_info(std::span<const std::uint8_t> table) {
    std::vector<LineInfoEntry> out;
    for (std::size_t i = 0; i < table.size();) {
        std::uint8_t c = table[i];
        if ((c & 0x80) == 0) {
            out.push_back({c & 0x1fu, static_cast<std::uint32_t>(c >> 5)});
            i += 1;
        } else {
            if (i + 1 >= table.size()) {
                throw DiagnosticError(
                    Diagnostic{"error", "line-number table ends inside a two-byte entry", {}});
            }
            out.push_back({c & 0x0fu, ((c << 4) & 0x700u) | table[i + 1]});
            i += 2;
        }
    }
    return out;
}

std::uint32_t source_line_for(std::span<const LineInfoEntry> table, std::size_t bc_offset) {
    std::uint32_t line = 1;
    for (const auto& e : table) {
        if (bc_offset < e.bc_delta) {
            break;
        }
        bc_offset -= e.bc_delta;
        line += e.line_delta;
    }
    return line;
}

}  // namespace mpy
