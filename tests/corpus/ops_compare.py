# Comparison operators, chains (with single evaluation of the middle), identity and membership.
def f(v):
    print("eval", v)
    return v
a, b, c = 1, 2, 3
print(a < b < c, a < b > c, a == 1 == a, c > b >= 2 > a)
print(f(1) < f(2) < f(3))
print(f(3) < f(2) < f(1))
print(1 < 2 < 3 < 4 < 5, 1 < 2 < 3 < 2 < 5)
x = [1, 2]
y = x
print(x is y, x is not y, x == [1, 2], x is [1, 2], None is None)
print(2 in x, 3 not in x, "b" in "abc", "k" in {"k": 1}, 1 in (1,))
print(not (a < b), not a == b, a != b, not a != b)
print([1, 2] < [1, 3], (1, 2) >= (1, 2), "abc" > "abd", b"a" < b"b")
print(max(3, 1, 2), min("b", "a"), sorted([3, 1, 2], reverse=True))
