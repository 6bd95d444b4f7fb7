# Closures: captured variables, late binding, cells shared between closures, closures over args.
def make_adder(n):
    def add(x):
        return x + n
    return add
a5 = make_adder(5)
print(a5(1), make_adder(10)(1))
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def get():
        return count
    return inc, get
inc, get = counter()
inc(); inc()
print(get(), inc(), get())
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs2 = [lambda i=i: i for i in range(3)]
print([f() for f in fs2])
def outer(a, b=2, *args, **kw):
    def inner():
        return a, b, args, sorted(kw)
    return inner
print(outer(1, 3, 4, k=5)())
def level1():
    x = 1
    def level2():
        y = 2
        def level3():
            return x + y
        return level3
    return level2()()
print(level1())
def late():
    fns = []
    v = "first"
    fns.append(lambda: v)
    v = "second"
    return fns[0]()
print(late())
