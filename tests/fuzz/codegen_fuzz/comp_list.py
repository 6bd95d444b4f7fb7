# List comprehensions: conditions, nested loops, nested comprehensions, scoping of the loop var.
print([x * 2 for x in range(5)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[y for y in range(x)] for x in range(4)])
print([c.upper() for c in "hello" if c not in "l"])
x = "outer"
print([x for x in "ab"], x)
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for i in range(3) for row in matrix])
print([[row[i] for row in matrix] for i in range(3)])
print([a + b for a, b in zip("abc", "xyz")])
print([v for _, v in sorted({"b": 2, "a": 1}.items())])
n = 3
print([n * i for i in range(n)])
def f(k):
    return [k + i for i in range(k)]
print(f(4))
print([y for x in [[1, 2], [3]] for y in x if y != 2])
print([i if i % 2 else -i for i in range(6)])
