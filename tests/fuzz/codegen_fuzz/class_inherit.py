# Inheritance: overriding, super() in methods and __init__, multiple inheritance, issubclass.
class Base:
    def __init__(self, name):
        self.name = name
    def hello(self):
        return "Base hello " + self.name
    def kind(self):
        return "base"
class Child(Base):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def hello(self):
        return "Child+" + super().hello()
class GrandChild(Child):
    def kind(self):
        return "grand/" + super().kind()
g = GrandChild("g", 3)
print(g.hello(), g.kind(), g.age)
print(issubclass(GrandChild, Base), issubclass(Base, Child), isinstance(g, Base))
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super().who()
class C(A):
    def who(self):
        return "C>" + super().who()
class D(B, C):
    def who(self):
        return "D>" + super().who()
print(D().who())
class E(Exception):
    pass
class F(E):
    def __init__(self, v):
        super().__init__("F", v)
try:
    raise F(7)
except E as ex:
    print("caught", type(ex).__name__, ex.args)
class Explicit(Base):
    def hello(self):
        return "explicit " + Base.hello(self) + " " + super(Explicit, self).kind()
print(Explicit("x").hello())
class WithList(list):
    def total(self):
        return sum(self)
w = WithList([1, 2, 3])
w.append(4)
print(w.total(), len(w))
