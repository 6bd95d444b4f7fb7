"""Generates a random viper function (plus a helper) for differential testing of the native emitter.

    gen_viper.py SEED   -> prints a Python module to stdout

The function's variables keep one type each (a: int, b: uint, c: object, d: bool, x: int arg),
so most programs are valid viper; some are not on purpose (object/int mixes), which exercises the
ViperTypeError paths.  Used by run_differential.sh.
"""
import random
import sys

seed = int(sys.argv[1])
random.seed(seed)
VARS = {"a": "int", "b": "uint", "c": "obj", "d": "bool", "x": "int"}
INTLIT = ["0", "1", "-1", "127", "128", "-128", "-129", "0x7fffffff", "0x3fffffff", "0xffff", "255", "7", "-5"]
def e(t, depth=0):
    leaf = depth > 2 or random.random() < 0.35
    if t == "int":
        if leaf:
            return random.choice(INTLIT + ["a", "x", "p[0]", "p[1]", "q[3]", "w[2]", "p[200]", "p[a & 15]", "q[x & 7]", "w[a & 3]", "int(c)", "int(b)"])
        r = random.random()
        if r < 0.6:
            return "(%s %s %s)" % (e("int", depth+1), random.choice(["+", "-", "*", "&", "|", "^", "<<", ">>"]), e("int", depth+1) if random.random() < .7 else random.choice(["1", "2", "3"]))
        if r < 0.8:
            return "%s%s" % (random.choice(["-", "~"]), e("int", depth+1))
        return "p[%s]" % e("int", depth+1)
    if t == "uint":
        if leaf:
            return random.choice(["b", "uint(1)", "uint(x)", "uint(0xff)", "uint(a)"])
        return "(%s %s %s)" % (e("uint", depth+1), random.choice(["+", "-", "*", "&", "|", "^", ">>", "<<"]), e("uint", depth+1))
    if t == "bool":
        if leaf:
            return random.choice(["d", "True", "False", "bool(c)", "bool(a)"])
        r = random.random()
        if r < 0.5:
            return "(%s %s %s)" % (e("int", depth+1), random.choice(["<", ">", "==", "!=", "<=", ">="]), e("int", depth+1))
        if r < 0.7:
            return "(%s %s %s)" % (e("uint", depth+1), random.choice(["<", ">", "==", "!=", "<=", ">="]), e("uint", depth+1))
        return "(%s %s %s)" % (e("obj", depth+1), random.choice(["<", "==", "is", "in", "!="]), e("obj", depth+1))
    if t == "obj":
        if leaf:
            return random.choice(["c", "o", "None", "f2(a)", "f2(b, d)", "[a, b]", "(x, 1)", "'s'", "len(o)"])
        r = random.random()
        if r < 0.5:
            return "(%s %s %s)" % (e("obj", depth+1), random.choice(["+", "-", "*", "%", "//"]), e("obj", depth+1))
        if r < 0.7:
            return "f2(%s, %s)" % (e(random.choice(["int", "obj", "bool"]), depth+1), e("obj", depth+1))
        return "o[%s]" % e("obj", depth+1)
RET = random.choice(["int", "uint", "bool", "obj", None])
def stmts(ind, n, depth=0):
    out = []
    pad = "    " * ind
    for _ in range(n):
        r = random.random()
        if r < 0.3:
            v = random.choice(list(VARS))
            out.append(pad + "%s = %s" % (v, e(VARS[v])))
        elif r < 0.42:
            arr = random.choice(["p", "q", "w"])
            out.append(pad + "%s[%s] = %s" % (arr, random.choice(["0", "1", "5", "100", "200", "a & 15", "x & 3"]), e("int")))
        elif r < 0.5:
            v = random.choice(["a", "x", "b"])
            out.append(pad + "%s %s= %s" % (v, random.choice(["+", "-", "*", "&", "|", "^", "<<", ">>"]), e(VARS[v]) if random.random() < .6 else "1"))
        elif r < 0.6 and depth < 2:
            out.append(pad + "if %s:" % e("bool"))
            out += stmts(ind+1, random.randint(1, 3), depth+1)
            if random.random() < 0.5:
                out.append(pad + "else:")
                out += stmts(ind+1, random.randint(1, 2), depth+1)
        elif r < 0.67 and depth < 2:
            out.append(pad + "while x > 0:")
            out += stmts(ind+1, random.randint(1, 3), depth+1)
            out.append(pad + "    x -= 1")
            if random.random() < 0.5:
                out.append(pad + "    " + random.choice(["break", "continue"]))
        elif r < 0.75 and depth < 2:
            out.append(pad + "for i in range(%s):" % random.choice(["10", "a", "x", "3, a", "a, 0, -1"]))
            out += stmts(ind+1, random.randint(1, 3), depth+1)
        elif r < 0.8 and depth < 2:
            out.append(pad + "try:")
            out += stmts(ind+1, random.randint(1, 2), depth+1)
            out.append(pad + random.choice(["except:", "except ValueError:", "finally:"]))
            out += stmts(ind+1, random.randint(1, 2), depth+1)
        elif r < 0.86:
            out.append(pad + ("return " + e(RET) if RET else "return"))
        else:
            out.append(pad + "f2(%s)" % e(random.choice(["int", "obj", "uint"])))
    return out
ann = {"int": " -> int", "uint": " -> uint", "bool": " -> bool", "obj": " -> object", None: ""}[RET]
src = ["def f2(v, u=1):", "    return v", "", "@micropython.viper",
       "def f(x: int, p: ptr8, q: ptr16, w: ptr32, o)%s:" % ann,
       "    a = 0", "    b = uint(0)", "    c = o", "    d = False"]
src += stmts(1, random.randint(2, 10))
print("\n".join(src))
