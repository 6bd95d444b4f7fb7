// RV32IMC (+ Zba, Zcmp) decoder.  Capstone 4 has no RISC-V, so this covers what MicroPython's
// native emitter and asm_rv32 emit: the base integer set, M, C, Zba's shNadd, Zcmp's push/pop and
// the CSR instructions.  Text follows GNU objdump's default: compressed instructions are shown as
// the base instruction they expand to, with objdump's aliases (li, mv, ret, j, beqz, ...).
#include <array>
#include <tuple>

#include <fmt/format.h>

#include "mpytool/machine_code/disassembler.h"

namespace mpy::machine_code {
namespace {

constexpr std::array<const char*, 32> kRegNames = {
    "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
    "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"};

std::string reg(std::uint32_t n) { return kRegNames[n & 31]; }
// The compressed forms' 3-bit register fields name x8..x15.
std::string creg(std::uint32_t n) { return kRegNames[8 + (n & 7)]; }

std::uint32_t bits(std::uint32_t v, int hi, int lo) { return (v >> lo) & ((1u << (hi - lo + 1)) - 1); }
std::int32_t sign_extend(std::uint32_t v, int width) {
    std::uint32_t m = 1u << (width - 1);
    return static_cast<std::int32_t>((v ^ m) - m);
}

// The result of decoding one instruction: its text and the facts the listing needs.
struct Decoded {
    std::string mnemonic;
    std::string operands;
    std::optional<std::int32_t> branch_offset;  // pc-relative
    bool unconditional = false;
    std::optional<MemoryLoad> load;
    std::optional<AddImmediate> add;
    // auipc rd: rd = pc + upper; jalr rd, imm(base): jumps to base + imm.  An auipc followed by a
    // jalr through its register is the emitter's far jump (or call), whose target is known.
    std::optional<std::pair<std::uint32_t, std::uint32_t>> auipc;  // rd, pc + upper
    std::optional<std::pair<std::uint32_t, std::int32_t>> jalr_through;  // base, imm
    bool jalr_links = false;
};

Decoded text(std::string m, std::string ops = {}) { return Decoded{std::move(m), std::move(ops), {}, false, {}}; }

Decoded branch(std::string m, std::string ops, std::int32_t offset, bool unconditional) {
    Decoded d = text(std::move(m), std::move(ops));
    d.branch_offset = offset;
    d.unconditional = unconditional;
    return d;
}

Decoded load(std::string m, std::uint32_t rd, std::uint32_t rs1, std::int32_t imm, int width) {
    Decoded d = text(std::move(m), fmt::format("{},{}({})", reg(rd), imm, reg(rs1)));
    d.load = MemoryLoad{reg(rd), reg(rs1), imm, width};
    return d;
}

Decoded addi(std::uint32_t rd, std::uint32_t rs1, std::int32_t imm) {
    if (rd == 0 && rs1 == 0 && imm == 0) return text("nop");
    if (rs1 == 0) return text("li", fmt::format("{},{}", reg(rd), imm));
    Decoded d = imm == 0 ? text("mv", fmt::format("{},{}", reg(rd), reg(rs1)))
                         : text("addi", fmt::format("{},{},{}", reg(rd), reg(rs1), imm));
    d.add = AddImmediate{reg(rd), reg(rs1), imm};
    return d;
}

Decoded jal(std::uint32_t rd, std::int32_t offset, std::uint32_t pc) {
    std::string target = fmt::format("{:#x}", pc + offset);
    if (rd == 0) return branch("j", target, offset, true);
    if (rd == 1) return branch("jal", target, offset, false);
    return branch("jal", fmt::format("{},{}", reg(rd), target), offset, false);
}

Decoded jalr(std::uint32_t rd, std::uint32_t rs1, std::int32_t imm) {
    Decoded d;
    if (rd == 0 && rs1 == 1 && imm == 0) {
        d = text("ret");
    } else if (rd == 0 && imm == 0) {
        d = text("jr", reg(rs1));
    } else if (rd == 1 && imm == 0) {
        d = text("jalr", reg(rs1));
    } else if (rd == 0 || rd == 1) {  // objdump's forms of a jump / call through an offset
        d = text(rd == 0 ? "jr" : "jalr", fmt::format("{}({})", imm, reg(rs1)));
    } else {
        d = text("jalr", fmt::format("{},{}({})", reg(rd), imm, reg(rs1)));
    }
    d.jalr_through = std::make_pair(rs1, imm);
    d.jalr_links = rd != 0;
    return d;
}

Decoded conditional(std::uint32_t funct3, std::uint32_t rs1, std::uint32_t rs2, std::int32_t offset, std::uint32_t pc) {
    static constexpr std::array<const char*, 8> names = {"beq", "bne", nullptr, nullptr, "blt", "bge", "bltu", "bgeu"};
    if (!names[funct3]) return text("");
    std::string target = fmt::format("{:#x}", pc + offset);
    if (rs2 == 0 && (funct3 <= 1 || funct3 == 4 || funct3 == 5)) {
        static constexpr std::array<const char*, 6> zero_forms = {"beqz", "bnez", "", "", "bltz", "bgez"};
        return branch(zero_forms[funct3], fmt::format("{},{}", reg(rs1), target), offset, false);
    }
    if (rs1 == 0 && (funct3 == 4 || funct3 == 5)) {
        return branch(funct3 == 4 ? "bgtz" : "blez", fmt::format("{},{}", reg(rs2), target), offset, false);
    }
    return branch(names[funct3], fmt::format("{},{},{}", reg(rs1), reg(rs2), target), offset, false);
}

Decoded op_imm(std::uint32_t w) {
    std::uint32_t rd = bits(w, 11, 7), rs1 = bits(w, 19, 15), f3 = bits(w, 14, 12);
    std::int32_t imm = sign_extend(bits(w, 31, 20), 12);
    std::uint32_t shamt = bits(w, 24, 20), f7 = bits(w, 31, 25);
    switch (f3) {
        case 0: return addi(rd, rs1, imm);
        case 1: return f7 == 0 ? text("slli", fmt::format("{},{},{:#x}", reg(rd), reg(rs1), shamt)) : text("");
        case 2: return text("slti", fmt::format("{},{},{}", reg(rd), reg(rs1), imm));
        case 3:
            if (imm == 1) return text("seqz", fmt::format("{},{}", reg(rd), reg(rs1)));
            return text("sltiu", fmt::format("{},{},{}", reg(rd), reg(rs1), imm));
        case 4:
            if (imm == -1) return text("not", fmt::format("{},{}", reg(rd), reg(rs1)));
            return text("xori", fmt::format("{},{},{}", reg(rd), reg(rs1), imm));
        case 5:
            if (f7 == 0) return text("srli", fmt::format("{},{},{:#x}", reg(rd), reg(rs1), shamt));
            if (f7 == 0x20) return text("srai", fmt::format("{},{},{:#x}", reg(rd), reg(rs1), shamt));
            return text("");
        case 6: return text("ori", fmt::format("{},{},{}", reg(rd), reg(rs1), imm));
        default: return text("andi", fmt::format("{},{},{}", reg(rd), reg(rs1), imm));
    }
}

Decoded op_reg(std::uint32_t w) {
    std::uint32_t rd = bits(w, 11, 7), rs1 = bits(w, 19, 15), rs2 = bits(w, 24, 20), f3 = bits(w, 14, 12);
    std::uint32_t f7 = bits(w, 31, 25);
    static constexpr std::array<const char*, 8> base = {"add", "sll", "slt", "sltu", "xor", "srl", "or", "and"};
    static constexpr std::array<const char*, 8> muldiv = {"mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu"};
    const char* name = nullptr;
    if (f7 == 0) name = base[f3];
    if (f7 == 1) name = muldiv[f3];
    if (f7 == 0x20 && f3 == 0) name = "sub";
    if (f7 == 0x20 && f3 == 5) name = "sra";
    if (f7 == 0x10 && f3 == 2) name = "sh1add";
    if (f7 == 0x10 && f3 == 4) name = "sh2add";
    if (f7 == 0x10 && f3 == 6) name = "sh3add";
    if (!name) return text("");
    std::string n = name;
    if (n == "sub" && rs1 == 0) return text("neg", fmt::format("{},{}", reg(rd), reg(rs2)));
    if (n == "sltu" && rs1 == 0) return text("snez", fmt::format("{},{}", reg(rd), reg(rs2)));
    return text(n, fmt::format("{},{},{}", reg(rd), reg(rs1), reg(rs2)));
}

Decoded system(std::uint32_t w) {
    if (w == 0x00000073) return text("ecall");
    if (w == 0x00100073) return text("ebreak");
    std::uint32_t rd = bits(w, 11, 7), rs1 = bits(w, 19, 15), f3 = bits(w, 14, 12), csr = bits(w, 31, 20);
    static constexpr std::array<const char*, 8> names = {nullptr, "csrrw", "csrrs", "csrrc", nullptr, "csrrwi", "csrrsi", "csrrci"};
    if (!names[f3]) return text("");
    std::string source = f3 >= 5 ? fmt::format("{}", rs1) : reg(rs1);
    return text(names[f3], fmt::format("{},{:#x},{}", reg(rd), csr, source));
}

Decoded decode32(std::uint32_t w, std::uint32_t pc) {
    std::uint32_t rd = bits(w, 11, 7), rs1 = bits(w, 19, 15), rs2 = bits(w, 24, 20), f3 = bits(w, 14, 12);
    switch (w & 0x7f) {
        case 0x37: return text("lui", fmt::format("{},{:#x}", reg(rd), w >> 12));
        case 0x17: {
            Decoded d = text("auipc", fmt::format("{},{:#x}", reg(rd), w >> 12));
            d.auipc = std::make_pair(rd, pc + (w & 0xfffff000u));
            return d;
        }
        case 0x6f: {
            std::uint32_t imm = bits(w, 31, 31) << 20 | bits(w, 19, 12) << 12 | bits(w, 20, 20) << 11 | bits(w, 30, 21) << 1;
            return jal(rd, sign_extend(imm, 21), pc);
        }
        case 0x67: return f3 == 0 ? jalr(rd, rs1, sign_extend(bits(w, 31, 20), 12)) : text("");
        case 0x63: {
            std::uint32_t imm = bits(w, 31, 31) << 12 | bits(w, 7, 7) << 11 | bits(w, 30, 25) << 5 | bits(w, 11, 8) << 1;
            return conditional(f3, rs1, rs2, sign_extend(imm, 13), pc);
        }
        case 0x03: {
            static constexpr std::array<const char*, 8> names = {"lb", "lh", "lw", nullptr, "lbu", "lhu", nullptr, nullptr};
            static constexpr std::array<int, 8> widths = {1, 2, 4, 0, 1, 2, 0, 0};
            if (!names[f3]) return text("");
            return load(names[f3], rd, rs1, sign_extend(bits(w, 31, 20), 12), widths[f3]);
        }
        case 0x23: {
            static constexpr std::array<const char*, 8> names = {"sb", "sh", "sw", nullptr, nullptr, nullptr, nullptr, nullptr};
            if (!names[f3]) return text("");
            std::int32_t imm = sign_extend(bits(w, 31, 25) << 5 | bits(w, 11, 7), 12);
            return text(names[f3], fmt::format("{},{}({})", reg(rs2), imm, reg(rs1)));
        }
        case 0x13: return op_imm(w);
        case 0x33: return op_reg(w);
        case 0x73: return system(w);
        case 0x0f: return f3 == 0 ? text("fence") : f3 == 1 ? text("fence.i") : text("");
        default: return text("");
    }
}

// Zcmp's register lists: {ra}, {ra, s0}, {ra, s0-s1}, ... {ra, s0-s11} (rlist 4..15).
std::string zcmp_rlist(std::uint32_t rlist) {
    if (rlist == 4) return "{ra}";
    if (rlist == 5) return "{ra, s0}";
    int last = rlist == 15 ? 11 : static_cast<int>(rlist) - 5;
    return fmt::format("{{ra, s0-s{}}}", last);
}

Decoded zcmp(std::uint16_t h) {
    std::uint32_t rlist = bits(h, 7, 4);
    const char* name = nullptr;
    switch (bits(h, 12, 8)) {
        case 0b11000: name = "cm.push"; break;
        case 0b11010: name = "cm.pop"; break;
        case 0b11100: name = "cm.popretz"; break;
        case 0b11110: name = "cm.popret"; break;
        default: break;
    }
    if (name && rlist >= 4) {
        int base = rlist <= 7 ? 16 : rlist <= 11 ? 32 : rlist <= 14 ? 48 : 64;
        int adjust = base + 16 * static_cast<int>(bits(h, 3, 2));
        if (bits(h, 12, 8) == 0b11000) adjust = -adjust;
        return text(name, fmt::format("{},{}", zcmp_rlist(rlist), adjust));
    }
    if (bits(h, 12, 10) == 0b011) {
        std::uint32_t r1 = bits(h, 9, 7), kind = bits(h, 6, 5), r2 = bits(h, 4, 2);
        auto sreg = [](std::uint32_t n) { return n < 2 ? reg(8 + n) : reg(16 + n); };  // s0, s1, s2..s7
        if (kind == 1) return text("cm.mvsa01", fmt::format("{},{}", sreg(r1), sreg(r2)));
        if (kind == 3) return text("cm.mva01s", fmt::format("{},{}", sreg(r1), sreg(r2)));
    }
    return text("");
}

Decoded decode16(std::uint16_t h, std::uint32_t pc) {
    std::uint32_t f3 = bits(h, 15, 13), rd = bits(h, 11, 7), rs2 = bits(h, 6, 2);
    std::int32_t imm6 = sign_extend(bits(h, 12, 12) << 5 | bits(h, 6, 2), 6);
    std::uint32_t shamt = bits(h, 12, 12) << 5 | bits(h, 6, 2);
    switch (h & 3) {
        case 0:
            if (f3 == 0) {
                std::uint32_t imm = bits(h, 12, 11) << 4 | bits(h, 10, 7) << 6 | bits(h, 6, 6) << 2 | bits(h, 5, 5) << 3;
                if (imm == 0) return text("");
                return text("addi", fmt::format("{},sp,{}", creg(bits(h, 4, 2)), imm));
            }
            if (f3 == 2 || f3 == 6) {
                std::uint32_t imm = bits(h, 12, 10) << 3 | bits(h, 6, 6) << 2 | bits(h, 5, 5) << 6;
                std::uint32_t r = 8 + bits(h, 4, 2), base = 8 + bits(h, 9, 7);
                if (f3 == 2) return load("lw", r, base, static_cast<std::int32_t>(imm), 4);
                return text("sw", fmt::format("{},{}({})", reg(r), imm, reg(base)));
            }
            return text("");
        case 1:
            switch (f3) {
                case 0: return rd == 0 && imm6 == 0 ? text("nop") : text("addi", fmt::format("{},{},{}", reg(rd), reg(rd), imm6));
                case 1:
                case 5: {
                    std::uint32_t imm = bits(h, 12, 12) << 11 | bits(h, 11, 11) << 4 | bits(h, 10, 9) << 8 |
                                        bits(h, 8, 8) << 10 | bits(h, 7, 7) << 6 | bits(h, 6, 6) << 7 | bits(h, 5, 3) << 1 |
                                        bits(h, 2, 2) << 5;
                    return jal(f3 == 1 ? 1 : 0, sign_extend(imm, 12), pc);
                }
                case 2: return text("li", fmt::format("{},{}", reg(rd), imm6));
                case 3:
                    if (rd == 2) {
                        std::uint32_t imm = bits(h, 12, 12) << 9 | bits(h, 6, 6) << 4 | bits(h, 5, 5) << 6 |
                                            bits(h, 4, 3) << 7 | bits(h, 2, 2) << 5;
                        if (imm == 0) return text("");
                        return text("addi", fmt::format("sp,sp,{}", sign_extend(imm, 10)));
                    }
                    if (imm6 == 0) return text("");
                    return text("lui", fmt::format("{},{:#x}", reg(rd), static_cast<std::uint32_t>(imm6) & 0xfffff));
                case 4: {
                    std::uint32_t r = 8 + bits(h, 9, 7), r2 = 8 + bits(h, 4, 2);
                    switch (bits(h, 11, 10)) {
                        case 0: return text("srli", fmt::format("{},{},{:#x}", reg(r), reg(r), shamt));
                        case 1: return text("srai", fmt::format("{},{},{:#x}", reg(r), reg(r), shamt));
                        case 2: return text("andi", fmt::format("{},{},{}", reg(r), reg(r), imm6));
                        default: {
                            if (bits(h, 12, 12)) return text("");
                            static constexpr std::array<const char*, 4> names = {"sub", "xor", "or", "and"};
                            return text(names[bits(h, 6, 5)], fmt::format("{},{},{}", reg(r), reg(r), reg(r2)));
                        }
                    }
                }
                default: {
                    std::uint32_t imm = bits(h, 12, 12) << 8 | bits(h, 11, 10) << 3 | bits(h, 6, 5) << 6 |
                                        bits(h, 4, 3) << 1 | bits(h, 2, 2) << 5;
                    return conditional(f3 == 6 ? 0 : 1, 8 + bits(h, 9, 7), 0, sign_extend(imm, 9), pc);
                }
            }
        default:
            switch (f3) {
                case 0: return text("slli", fmt::format("{},{},{:#x}", reg(rd), reg(rd), shamt));
                case 2: {
                    if (rd == 0) return text("");
                    std::uint32_t imm = bits(h, 12, 12) << 5 | bits(h, 6, 4) << 2 | bits(h, 3, 2) << 6;
                    return load("lw", rd, 2, static_cast<std::int32_t>(imm), 4);
                }
                case 4:
                    if (!bits(h, 12, 12)) {
                        if (rs2 == 0) return rd == 0 ? text("") : jalr(0, rd, 0);
                        return addi(rd, rs2, 0);
                    }
                    if (rd == 0 && rs2 == 0) return text("ebreak");
                    if (rs2 == 0) return jalr(1, rd, 0);
                    return text("add", fmt::format("{},{},{}", reg(rd), reg(rd), reg(rs2)));
                case 5: return zcmp(h);
                case 6: {
                    std::uint32_t imm = bits(h, 12, 9) << 2 | bits(h, 8, 7) << 6;
                    return text("sw", fmt::format("{},{}(sp)", reg(rs2), imm));
                }
                default: return text("");
            }
    }
}

}  // namespace

std::vector<Instruction> disassemble_rv32(std::span<const std::uint8_t> code, std::uint32_t start) {
    std::vector<Instruction> out;
    append_data(out, code, 0, start);
    std::uint32_t at = start;
    const auto size = static_cast<std::uint32_t>(code.size());
    // The auipc just before (its register and value), for a jalr through it.
    bool after_auipc = false;
    std::uint32_t auipc_register = 0, auipc_value = 0;
    while (at < size) {
        if (size - at < 2) {
            append_data(out, code, at, size);
            break;
        }
        std::uint16_t half = static_cast<std::uint16_t>(code[at] | code[at + 1] << 8);
        bool wide = (half & 3) == 3;
        if (wide && size - at < 4) {
            append_data(out, code, at, size);
            break;
        }
        Instruction item;
        item.offset = at;
        item.size = wide ? 4 : 2;
        std::uint32_t word = wide ? half | static_cast<std::uint32_t>(code[at + 2]) << 16 |
                                        static_cast<std::uint32_t>(code[at + 3]) << 24
                                  : half;
        Decoded d = wide ? decode32(word, at) : decode16(half, at);
        if (d.mnemonic.empty()) {
            item.is_data = true;
            item.undecodable = true;
            item.mnemonic = wide ? ".word" : ".short";
            item.operands = fmt::format("{:#0{}x}", word, wide ? 10 : 6);
        } else {
            item.mnemonic = std::move(d.mnemonic);
            item.operands = std::move(d.operands);
            item.load = std::move(d.load);
            item.add_immediate = std::move(d.add);
            item.is_unconditional_jump = d.unconditional;
            if (d.branch_offset) item.branch_target = at + static_cast<std::uint32_t>(*d.branch_offset);
            if (after_auipc && d.jalr_through && d.jalr_through->first == auipc_register) {
                item.branch_target = auipc_value + static_cast<std::uint32_t>(d.jalr_through->second);
                item.is_unconditional_jump = !d.jalr_links;
            }
        }
        after_auipc = !item.is_data && d.auipc.has_value();
        if (after_auipc) std::tie(auipc_register, auipc_value) = *d.auipc;
        at += item.size;
        out.push_back(std::move(item));
    }
    return out;
}

}  // namespace mpy::machine_code
