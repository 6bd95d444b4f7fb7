
# Classes whose methods are native: attribute loads/stores, method calls, super().


class Base:
    def __init__(self, x):
        self.x = x

    def describe(self):
        return "Base(%d)" % self.x


class Point(Base):
    @micropython.native
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y

    @micropython.native
    def moved(self, dx, dy):
        p = Point(self.x + dx, self.y + dy)
        p.tag = "moved"
        return p

    @micropython.native
    def norm1(self):
        return abs(self.x) + abs(self.y)

    @micropython.native
    def describe(self):
        return super().describe() + "+y=" + str(self.y)


@micropython.native
def use(p):
    q = p.moved(1, -2)
    q.x *= 10
    del q.tag
    return q.x, q.y, q.norm1(), hasattr(q, "tag"), q.describe()


print(use(Point(3, 4)))
