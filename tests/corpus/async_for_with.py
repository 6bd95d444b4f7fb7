# async for and async with with hand-written async iterators and context managers.
class Ticker:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i * 10
class Resource:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        print("aenter", self.name)
        return self.name.upper()
    async def __aexit__(self, et, ev, tb):
        print("aexit", self.name, et.__name__ if et else None)
        return et is KeyError
async def main():
    async for v in Ticker(3):
        print("tick", v)
    else:
        print("async for else")
    async for v in Ticker(5):
        if v == 20:
            continue
        if v == 40:
            break
        print("t2", v)
    async with Resource("r1") as r:
        print("inside", r)
    async with Resource("r2") as a, Resource("r3") as b:
        print("both", a, b)
    async with Resource("r4"):
        raise KeyError("suppressed")
    try:
        async with Resource("r5"):
            raise ValueError("propagates")
    except ValueError as e:
        print("caught", e)
    return "done"
c = main()
try:
    c.send(None)
except StopIteration as e:
    print("result", e.args[0])
