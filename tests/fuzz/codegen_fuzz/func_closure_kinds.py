# Closures of every kind: with default arguments, over loop variables in comprehensions and
# generator expressions, over self in methods, in class bodies, and cells that are parameters.
def outer(n):
    def inner(x=1, *, y=2):
        return x + y + n
    return inner
print(outer(10)(), outer(10)(5, y=0))
def comp_closure(k):
    fs = [lambda: k * i for i in range(3)]
    gs = list(x + k for x in range(3))
    d = {i: (lambda j=i: j + k) for i in range(2)}
    return [f() for f in fs], gs, d[1]()
print(comp_closure(2))
class Counter:
    def __init__(self):
        self.n = 0
    def incrementer(self):
        def inc(by=1):
            self.n += by
            return self.n
        return inc
c = Counter()
i = c.incrementer()
i(); i(5)
print(c.n)
def gen_closure(base):
    def g():
        for v in range(3):
            yield base + v
    return g
print(list(gen_closure(100)()))
def param_cells(a, b, *rest, key="k", **kw):
    return lambda: (a, b, rest, key, sorted(kw))
print(param_cells(1, 2, 3, key="K", z=0)())
def nested_comp(rows):
    return [[c * r for c in range(r)] for r in rows]
print(nested_comp([1, 2, 3]))
def shared_cell():
    v = []
    add = lambda x: v.append(x)
    get = lambda: tuple(v)
    return add, get
add, get = shared_cell()
add(1); add(2)
print(get())
