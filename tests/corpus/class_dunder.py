# Special methods: arithmetic, reflected and in-place operators, comparisons, containers, calls.
class V:
    def __init__(self, *c):
        self.c = list(c)
    def __repr__(self):
        return "V%r" % (tuple(self.c),)
    def __str__(self):
        return "<" + ",".join(str(x) for x in self.c) + ">"
    def __add__(self, o):
        return V(*[a + b for a, b in zip(self.c, o.c)])
    def __sub__(self, o):
        return V(*[a - b for a, b in zip(self.c, o.c)])
    def __mul__(self, k):
        return V(*[a * k for a in self.c])
    def __rmul__(self, k):
        return self * k
    def __iadd__(self, o):
        self.c = [a + b for a, b in zip(self.c, o.c)]
        return self
    def __neg__(self):
        return self * -1
    def __eq__(self, o):
        return isinstance(o, V) and self.c == o.c
    def __lt__(self, o):
        return sum(self.c) < sum(o.c)
    def __len__(self):
        return len(self.c)
    def __getitem__(self, i):
        return self.c[i]
    def __setitem__(self, i, v):
        self.c[i] = v
    def __delitem__(self, i):
        del self.c[i]
    def __contains__(self, v):
        return v in self.c
    def __iter__(self):
        return iter(self.c)
    def __bool__(self):
        return any(self.c)
    def __call__(self, scale):
        return self * scale
    def __hash__(self):
        return hash(tuple(self.c))
a = V(1, 2, 3)
b = V(4, 5, 6)
print(a + b, b - a, a * 2, 3 * a, -a)
print(repr(a), str(a), a == V(1, 2, 3), a != b, a < b, b < a)
print(len(a), a[0], a[-1], a[1:], 2 in a, 9 in a, list(a))
a[0] = 10
del a[1]
print(a, bool(V(0, 0)), bool(a), a(3))
c = a
c += V(1, 1)
print(c, a, c is a)
print(sorted([V(5), V(1), V(3)]), hash(V(1, 2)) == hash(V(1, 2)))
class Ctx:
    def __enter__(self):
        print("enter")
        return "resource"
    def __exit__(self, *exc):
        print("exit", exc[0] is None)
        return False
with Ctx() as r:
    print("using", r)
class Attr:
    def __getattr__(self, name):
        return "dyn_" + name
print(Attr().whatever)
class Num:
    def __init__(self, v):
        self.v = v
    def __int__(self):
        return self.v
    def __index__(self):
        return self.v
    def __floordiv__(self, o):
        return Num(self.v // o)
    def __mod__(self, o):
        return self.v % o
    def __and__(self, o):
        return self.v & o
    def __or__(self, o):
        return self.v | o
    def __xor__(self, o):
        return self.v ^ o
    def __lshift__(self, o):
        return self.v << o
    def __rshift__(self, o):
        return self.v >> o
    def __pow__(self, o):
        return self.v ** o
    def __truediv__(self, o):
        return self.v / o
    def __le__(self, o):
        return self.v <= o
    def __ge__(self, o):
        return self.v >= o
n = Num(13)
print((n // 2).v, n % 5, n & 6, n | 16, n ^ 1, n << 2, n >> 1, n ** 2, n / 2, n <= 13, n >= 14)
print([10, 20, 30][Num(1)])
