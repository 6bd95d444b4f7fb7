// Xtensa decoder (little-endian; the core set, the windowed-register option, the code-density
// ".n" forms, MUL32, NSA and the sync/special-register instructions).  Capstone 4 has no Xtensa;
// this covers what MicroPython's xtensa/xtensawin emitters and asm_xtensa emit.  Text follows GNU
// objdump: "l32i.n a2, a1, 4", "entry a1, 32", branch targets as code offsets.
#include <array>

#include <fmt/format.h>

#include "mpytool/machine_code/disassembler.h"

namespace mpy::machine_code {
namespace {

std::uint32_t bits(std::uint32_t v, int hi, int lo) { return (v >> lo) & ((1u << (hi - lo + 1)) - 1); }
std::int32_t sign_extend(std::uint32_t v, int width) {
    std::uint32_t m = 1u << (width - 1);
    return static_cast<std::int32_t>((v ^ m) - m);
}
std::string a(std::uint32_t n) { return fmt::format("a{}", n); }

// B4CONST / B4CONSTU: the immediates the compare-with-constant branches encode in 4 bits.
constexpr std::array<std::int32_t, 16> kB4Const = {-1, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 16, 32, 64, 128, 256};
constexpr std::array<std::int32_t, 16> kB4ConstU = {32768, 65536, 2, 3, 4, 5, 6, 7, 8, 10, 12, 16, 32, 64, 128, 256};

struct Fields {
    std::uint32_t word, op0, t, s, r, op1, op2, imm8;
    explicit Fields(std::uint32_t w)
        : word(w), op0(bits(w, 3, 0)), t(bits(w, 7, 4)), s(bits(w, 11, 8)), r(bits(w, 15, 12)), op1(bits(w, 19, 16)),
          op2(bits(w, 23, 20)), imm8(bits(w, 23, 16)) {}
};

class Decoder {
public:
    Decoder(Instruction& out, std::uint32_t pc) : out_(out), pc_(pc) {}

    // False if the bytes are no instruction this decoder knows.
    bool narrow(const Fields& f) {
        switch (f.op0) {
            case 8: return load("l32i.n", f.t, f.s, f.r * 4, 4);
            case 9: return emit("s32i.n", fmt::format("{}, {}, {}", a(f.t), a(f.s), f.r * 4));
            case 10: return emit("add.n", fmt::format("{}, {}, {}", a(f.r), a(f.s), a(f.t)));
            case 11: return emit("addi.n", fmt::format("{}, {}, {}", a(f.r), a(f.s), f.t == 0 ? -1 : static_cast<int>(f.t)));
            case 12:
                if (f.t < 8) {
                    std::int32_t imm = static_cast<std::int32_t>(f.t << 4 | f.r);
                    if (imm >= 96) imm -= 128;
                    return emit("movi.n", fmt::format("{}, {}", a(f.s), imm));
                }
                return branch(f.t < 12 ? "beqz.n" : "bnez.n", a(f.s) + ", ", pc_ + 4 + ((f.t & 3) << 4 | f.r), false);
            case 13:
                if (f.r == 0) {
                    out_.add_immediate = AddImmediate{a(f.t), a(f.s), 0};
                    return emit("mov.n", fmt::format("{}, {}", a(f.t), a(f.s)));
                }
                if (f.r == 15 && f.s == 0) {
                    switch (f.t) {
                        case 0: return emit("ret.n", "");
                        case 1: return emit("retw.n", "");
                        case 3: return emit("nop.n", "");
                        case 6: return emit("ill.n", "");
                        default: return false;
                    }
                }
                if (f.r == 15 && f.t == 2) return emit("break.n", fmt::format("{}", f.s));
                return false;
            default: return false;
        }
    }

    bool wide(const Fields& f) {
        switch (f.op0) {
            case 0: return qrst(f);
            case 1: {
                std::uint32_t target = ((pc_ + 3) & ~3u) + static_cast<std::uint32_t>((0xfffc0000u | bits(f.word, 23, 8) << 2));
                out_.literal_address = target;
                return emit("l32r", fmt::format("{}, {:#x}", a(f.t), target));
            }
            case 2: return lsai(f);
            case 5: {
                static constexpr std::array<const char*, 4> names = {"call0", "call4", "call8", "call12"};
                std::uint32_t target = (pc_ & ~3u) + static_cast<std::uint32_t>(sign_extend(bits(f.word, 23, 6), 18) << 2) + 4;
                return branch(names[bits(f.word, 5, 4)], "", target, false);
            }
            case 6: return si(f);
            case 7: return b(f);
            default: return false;
        }
    }

private:
    bool emit(std::string mnemonic, std::string operands) {
        out_.mnemonic = std::move(mnemonic);
        out_.operands = std::move(operands);
        return true;
    }
    bool load(const char* m, std::uint32_t t, std::uint32_t s, std::uint32_t offset, int width) {
        out_.load = MemoryLoad{a(t), a(s), offset, width};
        return emit(m, fmt::format("{}, {}, {}", a(t), a(s), offset));
    }
    bool branch(const char* m, const std::string& prefix, std::uint32_t target, bool unconditional) {
        out_.branch_target = target;
        out_.is_unconditional_jump = unconditional;
        return emit(m, fmt::format("{}{:#x}", prefix, target));
    }
    bool rrr(const char* m, const Fields& f) { return emit(m, fmt::format("{}, {}, {}", a(f.r), a(f.s), a(f.t))); }

    bool qrst(const Fields& f) {
        switch (f.op1) {
            case 0: return rst0(f);
            case 1: return rst1(f);
            case 2: {
                static constexpr std::array<const char*, 16> names = {nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
                                                                      "mull", nullptr, "muluh", "mulsh", "quou", "quos", "remu", "rems"};
                return names[f.op2] && rrr(names[f.op2], f);
            }
            case 3: {
                std::uint32_t sr = f.r << 4 | f.s;
                switch (f.op2) {
                    case 0: return emit("rsr", fmt::format("{}, {}", a(f.t), sr));
                    case 1: return emit("wsr", fmt::format("{}, {}", a(f.t), sr));
                    case 4: return rrr("min", f);
                    case 5: return rrr("max", f);
                    case 6: return rrr("minu", f);
                    case 7: return rrr("maxu", f);
                    case 8: return rrr("moveqz", f);
                    case 9: return rrr("movnez", f);
                    case 10: return rrr("movltz", f);
                    case 11: return rrr("movgez", f);
                    case 14: return emit("rur", fmt::format("{}, {}", a(f.r), f.s << 4 | f.t));
                    case 15: return emit("wur", fmt::format("{}, {}", a(f.t), sr));
                    default: return false;
                }
            }
            case 4:
            case 5:
                return emit("extui", fmt::format("{}, {}, {}, {}", a(f.r), a(f.t), (f.op1 & 1) << 4 | f.s, f.op2 + 1));
            default: return false;
        }
    }

    bool rst0(const Fields& f) {
        switch (f.op2) {
            case 0: return st0(f);
            case 1: return rrr("and", f);
            case 2:
                if (f.s == f.t) {
                    out_.add_immediate = AddImmediate{a(f.r), a(f.s), 0};
                    return emit("mov", fmt::format("{}, {}", a(f.r), a(f.s)));
                }
                return rrr("or", f);
            case 3: return rrr("xor", f);
            case 4:
                switch (f.r) {
                    case 0: return f.t == 0 && emit("ssr", a(f.s));
                    case 1: return f.t == 0 && emit("ssl", a(f.s));
                    case 2: return f.t == 0 && emit("ssa8l", a(f.s));
                    case 3: return f.t == 0 && emit("ssa8b", a(f.s));
                    case 4: return emit("ssai", fmt::format("{}", f.s | (f.t & 1) << 4));
                    case 14: return emit("nsa", fmt::format("{}, {}", a(f.t), a(f.s)));
                    case 15: return emit("nsau", fmt::format("{}, {}", a(f.t), a(f.s)));
                    default: return false;
                }
            case 6:
                if (f.s == 0) return emit("neg", fmt::format("{}, {}", a(f.r), a(f.t)));
                if (f.s == 1) return emit("abs", fmt::format("{}, {}", a(f.r), a(f.t)));
                return false;
            default: {
                static constexpr std::array<const char*, 8> names = {"add", "addx2", "addx4", "addx8", "sub", "subx2", "subx4", "subx8"};
                return f.op2 >= 8 && rrr(names[f.op2 - 8], f);
            }
        }
    }

    bool st0(const Fields& f) {
        switch (f.r) {
            case 0: {
                std::uint32_t m = f.t >> 2, n = f.t & 3;
                if (m == 0 && n == 0 && f.s == 0) return emit("ill", "");
                if (m == 2 && n == 0 && f.s == 0) return emit("ret", "");
                if (m == 2 && n == 1 && f.s == 0) return emit("retw", "");
                if (m == 2 && n == 2) return emit("jx", a(f.s));
                if (m == 3) {
                    static constexpr std::array<const char*, 4> names = {"callx0", "callx4", "callx8", "callx12"};
                    return emit(names[n], a(f.s));
                }
                return false;
            }
            case 1: return emit("movsp", fmt::format("{}, {}", a(f.t), a(f.s)));
            case 2: {
                if (f.s != 0) return false;
                switch (f.t) {
                    case 0: return emit("isync", "");
                    case 1: return emit("rsync", "");
                    case 2: return emit("esync", "");
                    case 3: return emit("dsync", "");
                    case 8: return emit("excw", "");
                    case 12: return emit("memw", "");
                    case 13: return emit("extw", "");
                    case 15: return emit("nop", "");
                    default: return false;
                }
            }
            case 4: return emit("break", fmt::format("{}, {}", f.s, f.t));
            default: return false;
        }
    }

    bool rst1(const Fields& f) {
        switch (f.op2) {
            case 0:
            case 1: return emit("slli", fmt::format("{}, {}, {}", a(f.r), a(f.s), 32 - ((f.op2 & 1) << 4 | f.t)));
            case 2:
            case 3: return emit("srai", fmt::format("{}, {}, {}", a(f.r), a(f.t), (f.op2 & 1) << 4 | f.s));
            case 4: return emit("srli", fmt::format("{}, {}, {}", a(f.r), a(f.t), f.s));
            case 6: return emit("xsr", fmt::format("{}, {}", a(f.t), f.r << 4 | f.s));
            case 8: return rrr("src", f);
            case 9: return f.s == 0 && emit("srl", fmt::format("{}, {}", a(f.r), a(f.t)));
            case 10: return f.t == 0 && emit("sll", fmt::format("{}, {}", a(f.r), a(f.s)));
            case 11: return f.s == 0 && emit("sra", fmt::format("{}, {}", a(f.r), a(f.t)));
            case 12: return rrr("mul16u", f);
            case 13: return rrr("mul16s", f);
            default: return false;
        }
    }

    bool lsai(const Fields& f) {
        std::int32_t simm8 = sign_extend(f.imm8, 8);
        switch (f.r) {
            case 0: return load("l8ui", f.t, f.s, f.imm8, 1);
            case 1: return load("l16ui", f.t, f.s, f.imm8 * 2, 2);
            case 2: return load("l32i", f.t, f.s, f.imm8 * 4, 4);
            case 4: return emit("s8i", fmt::format("{}, {}, {}", a(f.t), a(f.s), f.imm8));
            case 5: return emit("s16i", fmt::format("{}, {}, {}", a(f.t), a(f.s), f.imm8 * 2));
            case 6: return emit("s32i", fmt::format("{}, {}, {}", a(f.t), a(f.s), f.imm8 * 4));
            case 9: return emit("l16si", fmt::format("{}, {}, {}", a(f.t), a(f.s), f.imm8 * 2));
            case 10: return emit("movi", fmt::format("{}, {}", a(f.t), sign_extend(f.s << 8 | f.imm8, 12)));
            case 12: return emit("addi", fmt::format("{}, {}, {}", a(f.t), a(f.s), simm8));
            case 13: return emit("addmi", fmt::format("{}, {}, {}", a(f.t), a(f.s), simm8 * 256));
            default: return false;
        }
    }

    bool si(const Fields& f) {
        std::uint32_t n = bits(f.word, 5, 4), m = bits(f.word, 7, 6);
        std::uint32_t imm12 = bits(f.word, 23, 12);
        std::uint32_t rel8 = pc_ + 4 + static_cast<std::uint32_t>(sign_extend(f.imm8, 8));
        switch (n) {
            case 0: return branch("j", "", pc_ + 4 + static_cast<std::uint32_t>(sign_extend(bits(f.word, 23, 6), 18)), true);
            case 1: {
                static constexpr std::array<const char*, 4> names = {"beqz", "bnez", "bltz", "bgez"};
                return branch(names[m], a(f.s) + ", ", pc_ + 4 + static_cast<std::uint32_t>(sign_extend(imm12, 12)), false);
            }
            case 2: {
                static constexpr std::array<const char*, 4> names = {"beqi", "bnei", "blti", "bgei"};
                return branch(names[m], fmt::format("{}, {}, ", a(f.s), kB4Const[f.r]), rel8, false);
            }
            default:
                if (m == 0) return emit("entry", fmt::format("{}, {}", a(f.s), imm12 << 3));
                if (m == 2) return branch("bltui", fmt::format("{}, {}, ", a(f.s), kB4ConstU[f.r]), rel8, false);
                if (m == 3) return branch("bgeui", fmt::format("{}, {}, ", a(f.s), kB4ConstU[f.r]), rel8, false);
                return false;
        }
    }

    bool b(const Fields& f) {
        std::uint32_t target = pc_ + 4 + static_cast<std::uint32_t>(sign_extend(f.imm8, 8));
        switch (f.r) {
            case 6:
            case 7: return branch("bbci", fmt::format("{}, {}, ", a(f.s), (f.r & 1) << 4 | f.t), target, false);
            case 14:
            case 15: return branch("bbsi", fmt::format("{}, {}, ", a(f.s), (f.r & 1) << 4 | f.t), target, false);
            default: {
                static constexpr std::array<const char*, 16> names = {"bnone", "beq", "blt", "bltu", "ball", "bbc", nullptr, nullptr,
                                                                      "bany", "bne", "bge", "bgeu", "bnall", "bbs", nullptr, nullptr};
                return branch(names[f.r], fmt::format("{}, {}, ", a(f.s), a(f.t)), target, false);
            }
        }
    }

    Instruction& out_;
    std::uint32_t pc_;
};

}  // namespace

namespace {

// A linear sweep from `start`; `literal_table`: the code begins here, where the emitters put their
// literal table after a first "j" over it.
std::vector<Instruction> sweep_xtensa(std::span<const std::uint8_t> code, std::uint32_t start, bool literal_table) {
    std::vector<Instruction> out;
    const std::size_t first = out.size();
    const auto size = static_cast<std::uint32_t>(code.size());
    std::uint32_t at = start;
    while (at < size) {
        Instruction item;
        item.offset = at;
        bool is_narrow = (code[at] & 0x0f) >= 8;
        item.size = is_narrow ? 2 : 3;
        bool ok = false;
        if (size - at >= item.size) {
            std::uint32_t word = code[at] | code[at + 1] << 8 | (is_narrow ? 0 : static_cast<std::uint32_t>(code[at + 2]) << 16);
            Decoder d(item, at);
            ok = is_narrow ? d.narrow(Fields(word)) : d.wide(Fields(word));
        }
        if (!ok) {  // one byte as data; decoding resumes after it
            item = Instruction{};
            append_data(out, code, at, at + 1);
            out.back().undecodable = true;
            at += 1;
            continue;
        }
        at += item.size;
        // "call0 next" (how the emitters read the pc) lands on the next word: the bytes up to it
        // are alignment padding.
        std::optional<std::uint32_t> padded_to;
        if (item.mnemonic.rfind("call", 0) == 0 && item.mnemonic.find('x') == std::string::npos && item.branch_target &&
            *item.branch_target > at && *item.branch_target <= at + 3 && *item.branch_target <= size) {
            padded_to = item.branch_target;
        }
        out.push_back(std::move(item));
        if (padded_to) {
            append_data(out, code, at, *padded_to);
            at = *padded_to;
            continue;
        }
        // The emitters put their literal table right after a first "j" over it: show it as data.
        const Instruction& jump = out[first];
        if (literal_table && out.size() == first + 1 && jump.mnemonic == "j" && *jump.branch_target > at && *jump.branch_target <= size) {
            std::uint32_t target = *jump.branch_target;
            append_data(out, code, at, target);
            at = target;
        }
    }
    return out;
}

}  // namespace

std::vector<Instruction> disassemble_xtensa(std::span<const std::uint8_t> code, std::uint32_t start) {
    // An asm_xtensa data() block is jumped over; only gaps that do not decode are taken as data
    // (the literal table after the first jump is known to be data).
    return with_jumped_over_data(code, start, 0, [&](std::uint32_t from) {
        return sweep_xtensa(code, from, from == start);
    });
}

}  // namespace mpy::machine_code
