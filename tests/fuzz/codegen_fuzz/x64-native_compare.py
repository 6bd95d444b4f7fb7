
# Comparisons, identity, membership and boolean logic in native code.


@micropython.native
def cmp(a, b):
    return a < b, a <= b, a == b, a != b, a > b, a >= b


@micropython.native
def chained(x):
    return 0 < x < 10, 0 <= x <= 5 < 100


@micropython.native
def identity(x, y):
    return x is None, x is not None, x is y, x is not y


@micropython.native
def member(x, seq):
    return x in seq, x not in seq


@micropython.native
def logic(a, b, c):
    if a and b or not c:
        return "first"
    elif a or c:
        return "second"
    return "third" if b else "fourth"


print(cmp(1, 2), cmp(2, 2), cmp("b", "a"))
print(chained(3), chained(7), chained(-1))
print(identity(None, None), identity(1, None), identity(print, print))
print(member(2, [1, 2, 3]), member("z", "abc"))
print(logic(1, 1, 0), logic(0, 0, 1), logic(0, 1, 0), logic(0, 0, 0))
