# Nested classes, classes defined in functions (closing over locals), class-body scoping rules.
class Outer:
    label = "outer"
    class Inner:
        label = "inner"
        def who(self):
            return self.label
    def make(self):
        return Outer.Inner()
print(Outer.Inner().who(), Outer().make().who(), Outer.label)
def factory(base_val):
    class Made:
        val = base_val
        def get(self):
            return base_val * 2
    return Made
M = factory(21)
print(M.val, M().get(), M.__name__)
class Scoping:
    x = 10
    y = x + 1
    squares = [i * i for i in range(3)]
    def meth(self):
        return "method sees global x? " + str(x)
x = "module x"
print(Scoping.y, Scoping.squares, Scoping().meth())
def maker():
    v = "closure"
    class K:
        def get(self):
            return v
        v2 = v.upper()
    return K
print(maker()().get(), maker().v2)
class A:
    class B:
        class C:
            depth = 3
print(A.B.C.depth)
