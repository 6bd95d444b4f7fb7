# Generators with try/finally, with-blocks and loops around yields, closed early or exhausted.
class CM:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        print("enter", self.n)
    def __exit__(self, *a):
        print("exit", self.n, a[0].__name__ if a[0] else None)
def g():
    with CM(1):
        for i in range(3):
            try:
                yield i
            finally:
                print("finally", i)
    yield "tail"
print(list(g()))
h = g()
print(next(h), next(h))
h.close()
def gen_return_in_finally():
    try:
        yield 1
    finally:
        print("cleanup")
    yield 2
print(list(gen_return_in_finally()))
def counter():
    n = 0
    while True:
        cmd = yield n
        if cmd == "stop":
            return "stopped at %d" % n
        n += 1
c = counter()
next(c); next(c); c.send(None)
try:
    c.send("stop")
except StopIteration as e:
    print(e.args[0])
def in_except():
    try:
        raise ValueError("v")
    except ValueError:
        yield "in handler"
    yield "after"
print(list(in_except()))
