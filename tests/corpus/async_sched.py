# A hand-written scheduler with virtual time: tasks await sleeps and futures; ordering is by
# wake-up time, so the interleaving is deterministic.
class Sleep:
    def __init__(self, dt):
        self.dt = dt
    def __await__(self):
        return (yield ("sleep", self.dt))
    __iter__ = __await__  # MicroPython awaits through __iter__
class Future:
    def __init__(self):
        self.done = False
        self.value = None
        self.waiters = []
    def set(self, v):
        self.done = True
        self.value = v
    def __await__(self):
        while not self.done:
            yield ("wait", self)
        return self.value
    __iter__ = __await__
class Loop:
    def __init__(self):
        self.now = 0
        self.ready = []
    def spawn(self, coro, at=0):
        self.ready.append((self.now + at, len(self.ready), coro))
    def run(self):
        seq = 1000
        while self.ready:
            self.ready.sort(key=lambda t: (t[0], t[1]))
            when, _, coro = self.ready.pop(0)
            self.now = max(self.now, when)
            try:
                kind, arg = coro.send(None)
            except StopIteration as e:
                print("t=%d finished with %r" % (self.now, e.args[0] if e.args else None))
                continue
            seq += 1
            delay = arg if kind == "sleep" else 1
            self.ready.append((self.now + delay, seq, coro))
loop = Loop()
fut = Future()
async def producer():
    for i in range(3):
        await Sleep(10)
        print("t=%d produced %d" % (loop.now, i))
    fut.set("payload")
    return "producer"
async def consumer(name):
    v = await fut
    print("t=%d %s got %s" % (loop.now, name, v))
    await Sleep(5)
    return name
async def nested():
    async def helper(x):
        await Sleep(x)
        return x * 2
    total = 0
    for d in (1, 2, 3):
        total += await helper(d)
    return total
loop.spawn(producer())
loop.spawn(consumer("c1"))
loop.spawn(consumer("c2"), at=3)
loop.spawn(nested())
loop.run()
print("final time", loop.now)
