[1]
# Classes: __init__, instance and class attributes, methods, bound methods, isinstance, __name__.
class Point:
    dims = 2
    count = 0
    def __init__(self, x, y=0):
        self.x = x
        self.y = y
        Point.count += 1
    def norm2(self):
        return self.x * self.x + self.y * self.y
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
    def __repr__(self):
        return "Point(%d, %d)" % (self.x, self.y)
p = Point(3, 4)
q = p.moved(1, 1)
print(p, q, p.norm2(), Point.count, p.dims, Point.dims)
m = p.norm2
print(m(), Point.norm2(q))
p.dims = 3
print(p.dims, Point.dims, q.dims)
print(isinstance(p, Point), isinstance(3, Point), type(p) is Point, Point.__name__)
print(hasattr(p, "x"), getattr(p, "z", "none"), hasattr(p, "z"))
setattr(p, "z", 9)
print(p.z)
class Empty:
    pass
e = Empty()
e.anything = [1]
print(e.anything, type(e).__name__)
class WithDoc:
    "A docstring."
    value = 1
print(WithDoc.value)
