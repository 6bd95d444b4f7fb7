
# The with statement in native code, including exception suppression.


class Ctx:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        events.append("enter " + self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        events.append("exit %s %s" % (self.name, exc_type.__name__ if exc_type else None))
        return self.swallow


@micropython.native
def simple():
    with Ctx("a") as c:
        events.append("body " + c.name)
    return len(events)


@micropython.native
def suppressed():
    with Ctx("b", True):
        raise ValueError
    return "after"


@micropython.native
def nested_return():
    with Ctx("c"), Ctx("d"):
        return "ret"


@micropython.native
def escaping():
    try:
        with Ctx("e"):
            1 / 0
    except ZeroDivisionError:
        return "caught"


events = []
print(simple(), suppressed(), nested_return(), escaping())
for e in events:
    print(e)
