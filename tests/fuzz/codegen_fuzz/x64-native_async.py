
# async def / await / async with / async for in native code, driven by a tiny scheduler loop.


class Tick:
    def __init__(self, n):
        self.n = n

    def __await__(self):
        for i in range(self.n):
            yield i
        return self.n * 10

    __iter__ = __await__  # MicroPython awaits through __iter__

    def __aiter__(self):
        self.i = 0
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i

    async def __aenter__(self):
        trace.append("aenter")
        return self

    async def __aexit__(self, *exc):
        trace.append("aexit")


@micropython.native
async def work(n):
    r = await Tick(n)
    async with Tick(1) as t:
        trace.append("inside %d" % t.n)
    async for v in Tick(n):
        trace.append(v)
    return r


def run(coro):
    steps = 0
    try:
        while True:
            coro.send(None)
            steps += 1
    except StopIteration as e:
        return steps, e.value


trace = []
print(run(work(3)))
print(trace)
