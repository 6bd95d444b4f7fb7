"""Generates a random @micropython.native function with deeply nested control flow, for
differential testing of the native emitter (exception handler stack, unwinding jumps through
finally/with, generators, closures).

    gen_native.py SEED   -> prints a Python module to stdout
"""
import random
import sys

seed = int(sys.argv[1])
random.seed(seed)
NAMES = ["a", "b", "c", "n", "acc"]


def expr(depth=0):
    if depth > 1 or random.random() < 0.4:
        return random.choice(NAMES + ["1", "0", "-7", "2**40", "1.5", "'s'", "None", "[]", "(1, 2)", "n % 3"])
    r = random.random()
    if r < 0.5:
        op = random.choice(["+", "-", "*", "//", "%", "&", "|", "^", "<<", "<", "==", "is", "in", "and", "or"])
        return "(%s %s %s)" % (expr(depth + 1), op, expr(depth + 1))
    if r < 0.65:
        return "%s(%s)" % (random.choice(["len", "str", "abs", "helper", "list"]), expr(depth + 1))
    if r < 0.75:
        return "[%s for i in range(3)]" % expr(depth + 1)
    if r < 0.85:
        return "(lambda v: v + %s)(%s)" % (random.choice(NAMES), expr(depth + 1))
    return "%s if %s else %s" % (expr(depth + 1), expr(depth + 1), expr(depth + 1))


def block(ind, n, depth, in_loop, is_gen):
    out = []
    pad = "    " * ind
    for _ in range(n):
        r = random.random()
        if r < 0.25 or depth >= 3:
            out.append(pad + "%s = %s" % (random.choice(NAMES), expr()))
        elif r < 0.35:
            out.append(pad + "acc %s= %s" % (random.choice(["+", "-", "*"]), expr()))
        elif r < 0.45:
            out.append(pad + "for %s in %s:" % (random.choice(["a", "b"]), random.choice(["range(3)", "[1, 2]", "'xy'", "helper(n)"])))
            out += block(ind + 1, random.randint(1, 3), depth + 1, True, is_gen)
            if random.random() < 0.3:
                out.append(pad + "else:")
                out += block(ind + 1, 1, depth + 1, in_loop, is_gen)
        elif r < 0.52:
            out.append(pad + "while n > 0:")
            out.append(pad + "    n -= 1")
            out += block(ind + 1, random.randint(1, 2), depth + 1, True, is_gen)
        elif r < 0.62:
            out.append(pad + "try:")
            out += block(ind + 1, random.randint(1, 3), depth + 1, in_loop, is_gen)
            kind = random.random()
            if kind < 0.4:
                out.append(pad + random.choice(["except Exception:", "except (ValueError, TypeError) as e:", "except:"]))
                out += block(ind + 1, random.randint(1, 2), depth + 1, in_loop, is_gen)
                if random.random() < 0.3:
                    out.append(pad + "else:")
                    out += block(ind + 1, 1, depth + 1, in_loop, is_gen)
            if kind >= 0.4 or random.random() < 0.3:
                out.append(pad + "finally:")
                out += block(ind + 1, random.randint(1, 2), depth + 1, in_loop, is_gen)
        elif r < 0.68:
            out.append(pad + "with Ctx() as %s:" % random.choice(["c", "b"]))
            out += block(ind + 1, random.randint(1, 2), depth + 1, in_loop, is_gen)
        elif r < 0.74:
            out.append(pad + "if %s:" % expr())
            out += block(ind + 1, random.randint(1, 2), depth + 1, in_loop, is_gen)
            out.append(pad + "elif %s:" % expr())
            out += block(ind + 1, 1, depth + 1, in_loop, is_gen)
        elif r < 0.8 and in_loop:
            out.append(pad + random.choice(["break", "continue"]))
        elif r < 0.85:
            out.append(pad + ("yield " + expr() if is_gen else "return " + expr()))
        elif r < 0.9:
            out.append(pad + "raise ValueError(%s)" % expr())
        elif r < 0.95:
            out.append(pad + "def inner(v=%s):" % expr())
            out.append(pad + "    return v + acc")
            out.append(pad + "acc = inner()")
        else:
            out.append(pad + "helper(%s, k=%s)" % (expr(), expr()))
    return out


is_gen = random.random() < 0.3
src = [
    "class Ctx:",
    "    def __enter__(self):",
    "        return self",
    "    def __exit__(self, *a):",
    "        return False",
    "",
    "def helper(*a, **k):",
    "    return a",
    "",
    "@micropython.native",
    "def f(n, a=1, *args, b=2, **kw):",
    "    acc = 0",
    "    c = None",
]
src += block(1, random.randint(3, 8), 0, False, is_gen)
src.append("    " + ("yield acc" if is_gen else "return acc"))
print("\n".join(src))
