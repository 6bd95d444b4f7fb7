# Assignment expressions (:=) in conditions, comprehensions, and while loops.
data = [1, 5, 12, 3, 20]
if (n := len(data)) > 3:
    print("long list", n)
print([y for x in data if (y := x * 2) > 10])
print(y)
vals = iter([3, 2, 1, 0, 5])
while (v := next(vals)) != 0:
    print("v", v)
def f():
    z = None
    if (z := z or 5) > 3:
        return z
print(f())
print((w := 7) + w)
total = 0
print([total := x * 2 for x in range(5)], total)
def g(seq):
    if any((hit := s) > 10 for s in seq):
        return hit
    return None
print(g(data), g([1]))
