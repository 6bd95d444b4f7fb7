
# Miscellaneous statements inside native functions: assert, del, import, formatting, star args.


@micropython.native
def misc(values, flag):
    import math

    assert len(values) > 0, "empty"
    total = sum(values)
    text = "%s-%d" % ("n", total)
    text += "{}|{:>4}".format(flag, total)
    pairs = list(zip(values, reversed(values)))
    s = set(values) | {100}
    d = dict(a=1, b=2)
    t = tuple(values) + (0,)
    tmp = values[:]
    del tmp
    return text, pairs, sorted(s), sorted(d), t, math.floor(2.7)


@micropython.native
def with_lambda(xs):
    key = lambda x: (x % 3, -x)
    return sorted(xs, key=key)


@micropython.native
def failing():
    assert False, "boom"


print(misc([3, 1, 2], True))
print(with_lambda(list(range(8))))
try:
    failing()
except AssertionError as e:
    print("assert", e.args)
