# *args and **kwargs in definitions and calls, including multiple unpackings in one call.
def show(*args, **kwargs):
    return args, sorted(kwargs.items())
print(show())
print(show(1, 2, a=3))
t = (1, 2)
l = [3, 4]
d = {"x": 1}
e = {"y": 2}
print(show(*t))
print(show(0, *t, *l, 5))
print(show(**d))
print(show(*t, k=0, **d, **e))
print(show(*"ab", *range(2), z=9, **{"w": 8}))
def fixed(a, b, c, d=0):
    return a + b + c + d
print(fixed(*[1, 2, 3]), fixed(1, *(2, 3)), fixed(*t, **{"c": 5, "d": 6}))
def pass_through(*a, **k):
    return show(*a, **k)
print(pass_through(1, q=2))
print(max(*[3, 9, 2]), "{}-{}".format(*"ab"), "{a}{b}".format(**{"a": 1, "b": 2}))
def outer(**kw):
    def inner(**kw2):
        return sorted(kw2)
    return inner(**kw, extra=1)
print(outer(p=1, q=2))
