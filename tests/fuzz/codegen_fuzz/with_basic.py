# with statements: multiple items, exceptions passed to __exit__, suppression, return inside.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.suppress
with CM("a") as a:
    print("body", a.name)
with CM("b") as b, CM("c") as c:
    print("body", b.name, c.name)
with CM("d", True):
    raise ValueError("swallowed")
print("after suppressed")
try:
    with CM("e"):
        raise KeyError("k")
except KeyError:
    print("propagated KeyError")
def ret():
    with CM("f"):
        return "returned from with"
print(ret())
for i in range(3):
    with CM("loop%d" % i):
        if i == 0:
            continue
        if i == 2:
            break
        print("loop body", i)
with CM("g") as (x):
    pass
class Tup:
    def __enter__(self):
        return (1, 2)
    def __exit__(self, *a):
        pass
with Tup() as (p, q):
    print(p, q)
with CM("outer"):
    with CM("inner", True):
        1 / 0
    print("inner swallowed ZeroDivisionError")
