# yield from: delegation, return values, delegation to iterables, nested delegation.
def inner():
    yield 1
    yield 2
    return "inner-result"
def outer():
    r = yield from inner()
    print("inner returned", r)
    yield from [10, 20]
    yield from (c for c in "xy")
    return "outer-result"
print(list(outer()))
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1], range(2), "ab", {"k": 0})))
def tree(n):
    if n:
        yield n
        yield from tree(n - 1)
        yield -n
print(list(tree(3)))
def echo():
    while True:
        got = yield
        if got is None:
            return "echo done"
        print("echo", got)
def delegator():
    res = yield from echo()
    print("delegator got", res)
    yield "after"
d = delegator()
next(d)
d.send("a")
d.send("b")
print(d.send(None))
