#!/usr/bin/env python3
"""Generates a random @micropython.asm_rv32 function from a seed, for run_differential.sh
(GEN=asm_rv32, ARCH=rv32imc; FLAGS=-march-flags=zba makes sh1add..sh3add valid).

Mostly valid instructions of every operand form the inline assembler knows (registers by ABI and
x names, immediates near the edges of their fields, offset(base) with either sign, labels placed
before and after their uses, sometimes far away), with now and then a wrong register, an
out-of-range or zero immediate, a wrong kind of operand or an unknown instruction, so that both
the encodings and the error messages and lines are compared.
"""
import random
import sys

from asm_program import print_function

rng = random.Random(int(sys.argv[1]))

ABI = ["zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4",
       "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4",
       "t5", "t6"]
ANY = ABI + ["x%d" % i for i in range(32)]
WINDOW = ["s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5"] + ["x%d" % i for i in range(8, 16)]
RRR = ["add", "sub", "sll", "slt", "sltu", "xor", "srl", "sra", "or_", "and_", "mul", "mulh",
       "mulhsu", "mulhu", "div", "divu", "rem", "remu", "sh1add", "sh2add", "sh3add"]
RRI = ["addi", "slti", "sltiu", "xori", "ori", "andi", "jalr"]
CSR = ["csrrw", "csrrs", "csrrc"]
CSRI = ["csrrwi", "csrrsi", "csrrci"]
SHIFTS = ["slli", "srli", "srai"]
LOADS_STORES = ["lb", "lh", "lw", "lbu", "lhu", "sb", "sh", "sw"]
BRANCHES = ["beq", "bne", "blt", "bge", "bltu", "bgeu"]
labels = ["l%d" % i for i in range(rng.randint(1, 4))]


def bad(p=0.03):
    return rng.random() < p


def reg():
    return rng.choice(["fp", "x32", "x01", "r0", "5"]) if bad() else rng.choice(ANY)


def creg():
    return rng.choice(ANY) if bad(0.05) else rng.choice(WINDOW)


def edge(bits, signed=True, step=1):
    """A value at or near the edge of a field (or anywhere in it)."""
    lo, hi = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)
    if bad(0.05):
        return str(rng.choice([hi + step, lo - step, 2 ** 32 + step, -(2 ** 40), "x", "1.5"]))
    value = rng.choice([lo, hi, 0, step, -step, rng.randint(lo, hi)])
    return str(value - value % step if step > 1 else value)


def label():
    return "nowhere" if bad(0.01) else rng.choice(labels)


def instruction():
    kind = rng.randrange(16)
    if kind == 0:
        return "%s(%s, %s, %s)" % (rng.choice(RRR), reg(), reg(), reg())
    if kind == 1:
        return "%s(%s, %s, %s)" % (rng.choice(RRI), reg(), reg(), edge(12))
    if kind == 2:
        return "%s(%s, %s, %s)" % (rng.choice(CSR), reg(), reg(), edge(12, False))
    if kind == 3:
        return "%s(%s, %s, %s)" % (rng.choice(CSRI), reg(), edge(12, False), edge(5, False))
    if kind == 4:
        return "%s(%s, %s, %s)" % (rng.choice(SHIFTS), reg(), reg(), edge(5, False))
    if kind == 5:
        return "%s(%s, %s(%s))" % (rng.choice(LOADS_STORES), reg(), edge(12), reg())
    if kind == 6:
        return "%s(%s, %s, %s)" % (rng.choice(BRANCHES), reg(), reg(), label())
    if kind == 7:
        op = rng.choice(["lui", "auipc"])
        return "%s(%s, %s)" % (op, reg(), edge(20))
    if kind == 8:
        return rng.choice(["li(%s, %s)" % (reg(), edge(33)), "la(%s, %s)" % (reg(), label()),
                           "jal(%s, %s)" % (reg(), label()), "mv(%s, %s)" % (reg(), reg())])
    if kind == 9:
        op = rng.choice(["c_mv", "c_add"])
        return "%s(%s, %s)" % (op, reg(), reg())
    if kind == 10:
        op, value = rng.choice([("c_li", edge(6)), ("c_addi", edge(6)), ("c_slli", edge(5, False)),
                                ("c_lui", edge(5, False)), ("c_lwsp", edge(8, True, 4)),
                                ("c_swsp", edge(8, True, 4))])
        return "%s(%s, %s)" % (op, reg(), value)
    if kind == 11:
        return "%s(%s, %s)" % (rng.choice(["c_sub", "c_xor", "c_or", "c_and"]), creg(), creg())
    if kind == 12:
        op, value = rng.choice([("c_srli", edge(5, False)), ("c_srai", edge(5, False)), ("c_andi", edge(6)),
                                ("c_addi4spn", edge(10, False, 4))])
        return "%s(%s, %s)" % (op, creg(), value)
    if kind == 13:
        return "%s(%s, %s(%s))" % (rng.choice(["c_lw", "c_sw"]), creg(), edge(7, True, 4), creg())
    if kind == 14:
        return rng.choice(["c_beqz(%s, %s)" % (creg(), label()), "c_bnez(%s, %s)" % (creg(), label()),
                           "c_j(%s)" % label(), "c_jal(%s)" % label(), "c_jr(%s)" % reg(),
                           "c_jalr(%s)" % reg()])
    if rng.random() < 0.5:
        # A run of short instructions: puts labels beyond a compressed branch's reach.
        return "\n    ".join(["c_nop()"] * rng.randint(1, 90))
    return rng.choice(["ecall()", "ebreak()", "c_ebreak()", "c_nop()", "align(%d)" % rng.choice([2, 4, 8]),
                       "data(%d, %s)" % (rng.choice([1, 2, 4]), rng.randint(-5, 70000)),
                       "foo(a0)" if bad(0.3) else "c_nop()", "add(a0, a1)" if bad(0.3) else "c_nop()"])


params = ["a0", "a1", "a2", "a3"][: rng.randint(0, 4)]
if bad(0.05):
    params = rng.choice([["a1"], ["x10", "x12"], ["a0", "a1", "a2", "a3", "a4"]])
print_function(rng, "asm_rv32", params, instruction, labels)
