
# Generators in native code: yield, yield from, send, generator expressions, comprehensions.


@micropython.native
def squares(n):
    for i in range(n):
        yield i * i


@micropython.native
def delegate(n):
    r = yield from squares(n)
    yield "end"


@micropython.native
def echo():
    got = None
    while True:
        got = yield got
        if got == "stop":
            return "stopped"


@micropython.native
def comprehensions(n):
    a = [i for i in range(n) if i % 2]
    b = {i: i * i for i in range(n)}
    c = {i % 3 for i in range(n)}
    d = sum(i for i in range(n))
    return a, sorted(b.items()), sorted(c), d


print(list(squares(5)))
print(list(delegate(3)))
g = echo()
next(g)
print(g.send(1), g.send("two"))
try:
    g.send("stop")
except StopIteration as e:
    print("stop", e.args)
print(comprehensions(6))
