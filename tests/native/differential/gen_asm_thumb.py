#!/usr/bin/env python3
"""Generates a random @micropython.asm_thumb function from a seed, for run_differential.sh
(GEN=asm_thumb, with ARCH=armv6m / armv7m / armv7emsp ...; the generator reads ARCH too).

Mostly valid instructions of every form the inline assembler knows (Thumb-1, Thumb-2, float),
with now and then an operand out of range, a wrong kind of operand or an unknown instruction, so
that both the encodings and the error messages and lines are compared.  An instruction the
target lacks is an error there, which is compared too.
"""
import os
import random
import sys

from asm_program import print_function

rng = random.Random(int(sys.argv[1]))
# Instructions the target has (by kind number below); others come only now and then.
ARCH = os.environ.get("ARCH", "armv7emsp")
THUMB1 = set(range(15)) | {28, 29}
THUMB2 = THUMB1 | set(range(15, 23))
HAVE = {"armv6m": THUMB1, "armv7m": THUMB2, "armv7em": THUMB2}.get(ARCH, set(range(30)))

LOW = ["r%d" % i for i in range(8)]
ANY = ["r%d" % i for i in range(16)] + ["sl", "fp", "sp", "lr", "pc"]
CONDS = ["eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le"]
ALU = ["and_", "eor", "lsl", "lsr", "asr", "adc", "sbc", "ror", "tst", "neg", "cmp", "cmn",
       "orr", "mul", "bic", "mvn"]
labels = ["l%d" % i for i in range(rng.randint(1, 4))]


def bad(p=0.03):
    return rng.random() < p


def low():
    return rng.choice(ANY) if bad() else rng.choice(LOW)


def anyreg():
    return rng.choice(["x", "s3", "r16"]) if bad() else rng.choice(ANY)


def imm(mask, scale=1):
    if bad():
        return rng.choice([str(mask + 1), "1.5", "x", str(-1)])
    return str(rng.randint(0, mask // scale) * scale)


def sreg():
    return rng.choice(["s32", "r0", "s"]) if bad() else "s%d" % rng.randint(0, 31)


def label():
    return "nowhere" if bad(0.01) else rng.choice(labels)


def reglist(regs):
    n = rng.randint(1, 4)
    return "{" + ", ".join(sorted(set(rng.choice(regs) for _ in range(n)))) + "}"


def instruction():
    kind = rng.randrange(30)
    while kind not in HAVE and not bad(0.05):
        kind = rng.randrange(30)
    if kind == 0:
        return rng.choice(["nop()", "wfi()", "cpsid(i)", "cpsie(i)"])
    if kind == 1:
        return "mov(%s, %s)" % (anyreg(), anyreg())
    if kind == 2:
        return "%s(%s, %s)" % (rng.choice(["mov", "cmp", "add", "sub"]), low(), imm(0xFF))
    if kind in (3, 4):
        return "%s(%s, %s)" % (rng.choice(ALU), low(), low())
    if kind == 5:
        return "%s(%s, %s, %s)" % (rng.choice(["lsl", "lsr", "asr"]), low(), low(), imm(31))
    if kind == 6:
        third = low() if rng.random() < 0.5 else imm(7)
        return "%s(%s, %s, %s)" % (rng.choice(["add", "sub"]), low(), low(), third)
    if kind in (7, 8):
        op, mask, scale = rng.choice([("ldr", 0x7C, 4), ("str", 0x7C, 4), ("ldrb", 0x1F, 1),
                                      ("strb", 0x1F, 1), ("ldrh", 0x3E, 2), ("strh", 0x3E, 2)])
        return "%s(%s, [%s, %s])" % (op, low(), low(), imm(mask, scale))
    if kind in (9, 10):
        return "b%s(%s)" % (rng.choice(CONDS) + rng.choice(["", "", "_n", "_w"]), label())
    if kind == 11:
        return "%s(%s)" % (rng.choice(["b", "bl"]), label())
    if kind == 12:
        return "bx(%s)" % anyreg()
    if kind == 13:
        return "push(%s)" % reglist(LOW + ["lr"] + (["r8", "r9"] if rng.random() < 0.2 else []))
    if kind == 14:
        return "pop(%s)" % reglist(LOW + ["pc"] + (["r10"] if rng.random() < 0.2 else []))
    if kind == 15:
        return "%s(%s, %s)" % (rng.choice(["movw", "movt"]), anyreg(), imm(0xFFFF))
    if kind == 16:
        return "movwt(%s, %s)" % (anyreg(), rng.randint(0, 0xFFFFFFFF))
    if kind == 17:
        return "%s(%s, %s)" % (rng.choice(["clz", "rbit"]), anyreg(), anyreg())
    if kind == 18:
        return "%s(%s, %s, %s)" % (rng.choice(["sdiv", "udiv"]), anyreg(), anyreg(), anyreg())
    if kind == 19:
        letters = "".join(rng.choice("te") for _ in range(rng.randint(0, 3)))
        return "it%s(%s)" % (letters, rng.choice(CONDS))
    if kind == 20:
        return "mrs(%s, %s)" % (anyreg(), rng.choice(["IPSR", "BASEPRI", "FOO"] if bad(0.2) else ["IPSR", "BASEPRI"]))
    if kind == 21:
        return "ldrex(%s, [%s, %s])" % (anyreg(), anyreg(), imm(0xFF, 4))
    if kind == 22:
        return "strex(%s, %s, [%s, %s])" % (anyreg(), anyreg(), anyreg(), imm(0xFF, 4))
    if kind in (23, 24):
        return "%s(%s, %s, %s)" % (rng.choice(["vadd", "vsub", "vmul", "vdiv"]), sreg(), sreg(), sreg())
    if kind == 25:
        return "%s(%s, %s)" % (rng.choice(["vcmp", "vsqrt", "vneg", "vcvt_f32_s32", "vcvt_s32_f32"]), sreg(), sreg())
    if kind == 26:
        return rng.choice(["vmov(%s, %s)" % (sreg(), anyreg()), "vmov(%s, %s)" % (anyreg(), sreg()),
                           "vmrs(APSR_nzcv, FPSCR)", "vmrs(%s, FPSCR)" % anyreg()])
    if kind == 27:
        return "%s(%s, [%s, %s])" % (rng.choice(["vldr", "vstr"]), sreg(), low(), imm(0x3FC, 4))
    if kind == 28:
        return rng.choice(["align(%d)" % rng.choice([2, 4, 8]), "data(%d, %s)" % (
            rng.choice([1, 2, 4]), ", ".join(str(rng.randint(-5, 70000)) for _ in range(rng.randint(1, 3))))])
    return "nop()" if not bad(0.3) else "foo(r0)"


params = ["r0", "r1", "r2", "r3"][: rng.randint(0, 4)]
print_function(rng, "asm_thumb", params, instruction, labels)
