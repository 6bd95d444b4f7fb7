
# Subscripts, slices and unpacking in native code.


@micropython.native
def lists(n):
    a = list(range(n))
    a[0] = 100
    a[-1] += 1
    b = a[1:4]
    a[2:4] = [7, 8, 9]
    del a[1]
    c = a[::2]
    return a, b, c


@micropython.native
def dicts():
    d = {"a": 1}
    d["b"] = 2
    d["a"] += 10
    key = "c"
    d[key] = d.get("x", 3)
    del d["b"]
    return sorted(d.items())


@micropython.native
def unpack(seq):
    a, b, *rest = seq
    (x, y), z = (b, a), len(rest)
    first, *mid, last = "hello"
    return a, b, rest, x, y, z, first, mid, last


print(lists(6))
print(dicts())
print(unpack([1, 2, 3, 4, 5]))
print(unpack((9, 8)))
