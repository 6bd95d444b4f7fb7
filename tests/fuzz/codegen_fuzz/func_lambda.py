# Lambdas: default args, closures, immediate calls, in sort keys, nested lambdas.
sq = lambda x: x * x
print(sq(7), (lambda: "no args")(), (lambda *a, **k: (a, sorted(k)))(1, z=2))
pairs = [(3, "c"), (1, "a"), (2, "b")]
print(sorted(pairs, key=lambda p: p[1], reverse=True))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
print(compose(sq, inc)(3), compose(inc, sq)(3))
print(list(map(lambda x, y: x - y, [10, 20], [1, 2])))
print(list(filter(lambda v: v % 3 == 0, range(10))))
adders = [(lambda n: lambda x: x + n)(i) for i in range(3)]
print([a(10) for a in adders])
cond = lambda x: "pos" if x > 0 else ("zero" if x == 0 else "neg")
print(cond(1), cond(0), cond(-1))
print((lambda a, b=2, *, c=3: a + b + c)(1, c=10))
