# A small program of our own exercising most of what a .mpy constant table and bytecode can hold.
PI_ISH = 3.25
BIG = 123456789012345678901234567890
NEG_BIG = -98765432109876543210
RATIO = 2.5e-3
ROOT = 1.5j
MAGIC = b"\x00\x01mpy\xff"
LONG_TEXT = "this string is long enough to be a constant object"
PAIR = (1, "one", b"1", None, True, ...)


class Shape:
    sides = 0

    def __init__(self, name, *dims, scale=1, **extra):
        self.name = name
        self.dims = [d * scale for d in dims]
        self.extra = extra

    def area(self):
        raise NotImplementedError("area of " + self.name)

    def __repr__(self):
        return "{}({})".format(self.name, ", ".join(str(d) for d in self.dims))


class Rect(Shape):
    sides = 4

    def area(self):
        w, h = self.dims
        return w * h


def counter(limit):
    n = 0
    while n < limit:
        yield n
        n += 1


def safe_area(shape):
    try:
        return shape.area()
    except NotImplementedError as e:
        return str(e)
    finally:
        pass


def make_adder(k):
    def add(x):
        return x + k

    return add


def summary():
    shapes = [Rect("rect", 2, 3), Rect("square", 2, 2, scale=3), Shape("blob")]
    areas = {s.name: safe_area(s) for s in shapes}
    total = sum(a for a in areas.values() if isinstance(a, int))
    for i in counter(3):
        if i == 1:
            continue
        total += make_adder(i)(10)
    return areas, total, {len(PAIR), BIG % 1000}


print(summary())
