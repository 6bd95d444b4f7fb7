# async def / await driven by a tiny hand-written event loop (no asyncio needed).
class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks
    def __await__(self):
        yield self.ticks
    __iter__ = __await__
async def worker(name, n):
    total = 0
    for i in range(n):
        await Sleep(1)
        total += i
        print(name, "step", i)
    return name + "=" + str(total)
async def main():
    a = await worker("a", 2)
    b = await worker("b", 3)
    return a, b
def run(coro):
    steps = 0
    try:
        while True:
            coro.send(None)
            steps += 1
    except StopIteration as e:
        return e.args[0] if e.args else None, steps
print(run(main()))
def round_robin(coros):
    results = {}
    while coros:
        for name, c in list(coros.items()):
            try:
                c.send(None)
            except StopIteration as e:
                results[name] = e.args[0]
                del coros[name]
    return sorted(results.items())
print(round_robin({"x": worker("x", 2), "y": worker("y", 1)}))
async def raises():
    await Sleep(0)
    raise ValueError("async error")
async def catches():
    try:
        await raises()
    except ValueError as e:
        return "caught " + str(e)
print(run(catches()))
