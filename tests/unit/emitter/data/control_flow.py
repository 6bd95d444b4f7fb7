# Emitter replay corpus: exception handlers, unwinding jumps, with, generators, closures.
import sys


def handlers(items, log):
    total = 0
    for x in items:
        try:
            if x < 0:
                break
            if x == 0:
                continue
            total += 100 // x
        except ZeroDivisionError as e:
            log.append(e)
            continue
        except (ValueError, TypeError):
            raise
        else:
            total += 1
        finally:
            log.append(x)
    while total > 10:
        try:
            total -= 3
            if total == 20:
                break
        finally:
            total -= 1
    return total


def managers(path, data):
    with open(path) as f, open(path + ".bak", "w") as g:
        for line in f:
            if not line:
                break
            g.write(line)
    return data


def gen(n, *args, key=None, **kw):
    def inner(m):
        return m + n
    yield from range(n)
    for i in args:
        yield inner(i)
    x = yield
    return [inner(i) for i in kw if i != key], {k: v for k, v in kw.items()}, x


class Thing(Exception):
    count = 0

    def __init__(self, value):
        super().__init__(value)
        Thing.count += 1

    def method(self, a, b=2, *, c, d=4):
        del self.value
        del a[b]
        lam = lambda q, r=c: q * r + d
        return lam(a), not a, a is not b, b not in a, -a, ~b, +c


def deep(a):
    while a:
        while a > 1:
            for i in a:
                try:
                    try:
                        if i:
                            break
                        if a:
                            continue
                    finally:
                        a -= 1
                except:
                    pass
        a -= 1
    return a


print(handlers([1, 0, -1], []), sys.argv)
