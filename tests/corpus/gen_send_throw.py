# Generator send/throw/close protocol, exceptions inside generators, GeneratorExit.
def accum():
    total = 0
    while True:
        try:
            v = yield total
        except ValueError as e:
            print("gen caught", e)
            total = 0
            continue
        if v is None:
            break
        total += v
    return total
g = accum()
print(next(g), g.send(5), g.send(10))
print(g.throw(ValueError("reset")))
print(g.send(3))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.args[0] if e.args else None)
def closer():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
c = closer()
next(c)
c.close()
def raiser():
    yield 1
    raise KeyError("inside")
r = raiser()
next(r)
try:
    next(r)
except KeyError as e:
    print("KeyError from gen", e)
def unstarted():
    yield 1
u = unstarted()
try:
    u.send(1)
except TypeError:
    print("can't send non-None to unstarted")
def thrower():
    yield 1
t = thrower()
try:
    t.throw(RuntimeError("before start"))
except RuntimeError as e:
    print("propagated", e)
