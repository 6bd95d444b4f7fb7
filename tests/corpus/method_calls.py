# Attribute/method call shapes: a.f(x) vs (a.f)(x), chains, calls in assignment targets,
# method calls with star arguments, bound methods stored and called later, super() method calls.
class Node:
    def __init__(self, v):
        self.v = v
        self.child = None
    def add(self, v):
        self.child = Node(v)
        return self.child
    def get(self, *a, **k):
        return (self.v, a, sorted(k))
    def me(self):
        return self
n = Node(1)
n.add(2).add(3)
print(n.child.child.v, n.child.get(), (n.get)(1), (n.child).get(2))
print(n.me().me().get(*[1, 2], **{"k": 3}), n.get(0, *(1,), x=2))
n.me().v = 10
n.me().child.v += 5
print(n.v, n.child.v)
m = n.get
print(m("bound"))
print(getattr(n, "get")(1), type(n).get(n, 2))
class Base:
    def hello(self, who="base"):
        return "hello " + who
    val = "class val"
class Sub(Base):
    def hello(self, who="sub"):
        a = super().hello(who)
        b = super().hello
        c = super().val
        return a, b("x"), c
print(Sub().hello())
s = "a-b-c"
print(s.split("-")[1].upper(), "x".join(s.split("-")), ("%s" % s).replace("-", ""))
lst = []
lst.append(1); lst.extend([2, 3]); (lst.append)(4)
print(lst, [].__class__.__name__, "abc".upper().lower().title() if hasattr("", "title") else "Abc")
