
# Calls from native code: positional, keyword, defaults, *args, **kwargs, methods, builtins.


def plain(a, b=10, *rest, key=None, **extra):
    return (a, b, rest, key, sorted(extra.items()))


@micropython.native
def defaults(x, y=2, z=3):
    return x + y * z


@micropython.native
def kwonly(a, *, scale=1, shift=0):
    return a * scale + shift


@micropython.native
def varargs(*args, **kwargs):
    return len(args), sorted(kwargs)


@micropython.native
def caller(items):
    r1 = plain(1)
    r2 = plain(1, 2, 3, 4, key="k", extra=5)
    r3 = plain(*items)
    r4 = plain(*items, **{"q": 1})
    r5 = defaults(1), defaults(1, 1), defaults(1, z=0)
    r6 = kwonly(3, scale=4), kwonly(3, shift=-1)
    r7 = varargs(1, 2, a=3, b=4)
    items.append(len(items))
    r8 = max(items), min(items, key=lambda v: -v)
    return r1, r2, r3, r4, r5, r6, r7, r8


print(caller([7, 8, 9]))
