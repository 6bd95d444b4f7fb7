
# Deeply nested control flow and big frames in native code: generators whose state lives on the
# heap (many locals -> large offsets), yield inside try/finally and with, unwinding jumps.


class Res:
    def __init__(self, tag):
        self.tag = tag

    def __enter__(self):
        out.append("open " + self.tag)
        return self

    def __exit__(self, *exc):
        out.append("close " + self.tag)


@micropython.native
def big_gen(n):
    v0 = v1 = v2 = v3 = v4 = v5 = v6 = v7 = v8 = v9 = 0
    w0 = w1 = w2 = w3 = w4 = w5 = w6 = w7 = w8 = w9 = 1
    for i in range(n):
        v0, v1, v2, v3, v4 = v1 + 1, v2 + 2, v3 + 3, v4 + 4, v0 + i
        v5, v6, v7, v8, v9 = v6 * 2, v7 - 1, v8 + v0, v9 ^ i, v5 | 1
        w0, w1, w2, w3, w4 = w1, w2, w3, w4, w0 + w9
        w5, w6, w7, w8, w9 = w6, w7, w8, w9, w5 + 1
        try:
            with Res("r%d" % i):
                if i == 1:
                    continue
                yield v0 + v1 + v2 + v3 + v4 + v5 + v6 + v7 + v8 + v9
        finally:
            out.append("fin %d" % i)
    yield w0 + w1 + w2 + w3 + w4 + w5 + w6 + w7 + w8 + w9


# Note: on the 1.27 unix port this native version returns None (the bytecode version returns
# (2, 2)): after the `break` out of try/finally, the next run of the inner loop stops early.  The
# golden is about bytes, so it reproduces the reference's code regardless.
@micropython.native
def unwind(items):
    for a in items:
        for b in items:
            try:
                try:
                    if a == b == 2:
                        return (a, b)
                    if b > a:
                        break
                finally:
                    out.append("u%d%d" % (a, b))
            except Exception:
                pass
    return None


@micropython.native
def many_handlers(x):
    try:
        try:
            try:
                try:
                    return [10, 20][x]
                except IndexError:
                    return {}[x]
            except KeyError:
                return int("z%d" % x)
        except ValueError:
            raise OSError(x)
    except OSError as e:
        return "os%s" % e.args


out = []
print(list(big_gen(4)))
print(unwind([1, 2, 3]))
print(many_handlers(1), many_handlers(5))
print(out)
