# Argument evaluation order in calls with positional, keyword, *args and **kwargs parts,
# and method calls on expressions.
def log(tag, v):
    print("eval", tag)
    return v
def f(*a, **k):
    return a, sorted(k.items())
print(f(log("p1", 1), log("p2", 2), k=log("k", 3)))
print(f(log("p", 0), *log("star", [1, 2]), x=log("x", 1), **log("dstar", {"y": 2})))
class Acc:
    def __init__(self):
        self.items = []
    def add(self, *v):
        self.items.extend(v)
        return self
a = Acc()
print(a.add(1).add(2, 3).add(*[4, 5]).items)
print("-".join(map(str, a.items)).upper().split("-"))
print(log("recv", [3, 1, 2]).index(log("arg", 1)))
print(getattr(log("obj", "s"), log("name", "upper"))())
