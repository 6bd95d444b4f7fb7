
# Viper functions mixing typed and object values: many locals, word pointers, globals, exceptions.
import array

LIMIT = 50


def helper(a, b):
    return a * 10 + b


@micropython.viper
def many_locals(seed: int) -> int:
    a = seed + 1
    b = a + 2
    c = b + 3
    d = c + 4
    e = d + 5
    f = e + 6
    g = f + 7
    h = g + 8
    i = h + 9
    j = i + 10
    k = j + 11
    m = k + 12
    n = m + 13
    o = n + 14
    p = o + 15
    q = p + 16
    r = q + 17
    s = r + 18
    return a + b + c + d + e + f + g + h + i + j + k + m + n + o + p + q + r + s


@micropython.viper
def halves(buf: ptr16, n: uint) -> uint:
    t = uint(0)
    i = uint(0)
    while i < n:
        t += uint(buf[i])
        buf[i] = int(i) - 1
        i += uint(1)
    return t


@micropython.viper
def with_objects(x: int, items) -> int:
    total = int(helper(x, 2))
    for v in items:
        total += int(v)
    if total > int(LIMIT):
        total = int(LIMIT)
    return total


@micropython.viper
def guarded(n: int) -> int:
    try:
        if n < 0:
            raise ValueError("negative")
        return n * 2
    except ValueError:
        return -1
    finally:
        calls.append(n)


calls = []
print(many_locals(1))
w = array.array("H", [5, 6, 7])
print(halves(w, 3), list(w))
print(with_objects(2, [1, 2, 3]), with_objects(9, [100]))
print(guarded(4), guarded(-4), calls)
