# Generators: yield values, return values (StopIteration), generator expressions, laziness.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "finished"
print(list(count_up(4)))
g = count_up(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.args)
def evens():
    n = 0
    while True:
        yield n
        n += 2
e = evens()
print([next(e) for _ in range(5)])
def lazy():
    print("started")
    yield 1
    print("resumed")
    yield 2
lz = lazy()
print("created")
for v in lz:
    print("got", v)
ge = (x * x for x in range(5) if x % 2)
print(sum(ge), sum(ge))
print(list(zip(count_up(3), "abc")))
def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")
wf = with_finally()
print(next(wf))
wf.close()
def yield_expr():
    x = yield
    print("received", x)
    y = yield x * 2
    print("received", y)
ye = yield_expr()
next(ye)
print(ye.send(5))
try:
    ye.send("last")
except StopIteration:
    print("done")
