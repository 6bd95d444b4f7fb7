# Generator expressions: as sole call argument, laziness, consumption by builtins, nesting.
print(sum(x * x for x in range(10)))
print(max(len(w) for w in ["a", "abc", "ab"]))
print(list(x for x in "abc"), tuple(i for i in range(3)))
print(any(x > 3 for x in [1, 5]), all(x > 3 for x in [1, 5]))
g = (x for x in range(3))
print(next(g), list(g), list(g))
def src():
    for i in range(3):
        print("produce", i)
        yield i
lazy = (v * 10 for v in src())
print("before iteration")
for v in lazy:
    print("consume", v)
nested = ((i, j) for i in range(2) for j in (i + 10 for i in range(2)))
print(list(nested))
print(sorted((x for x in [3, 1, 2]), reverse=True))
print(",".join(str(i) for i in range(5) if i != 2))
print(dict((k, v) for k, v in zip("ab", (1, 2)))["b"])
