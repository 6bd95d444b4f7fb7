# Class machinery: __class__ / zero-arg super in nested functions, class attrs via instances,
# __dict__-free instances, method resolution with mixins, __new__.
class Base:
    def greet(self):
        return "base"
class Derived(Base):
    def greet(self):
        def inner():
            return super(Derived, self).greet()
        return "derived/" + inner()
    def gen(self):
        yield super().greet()
print(Derived().greet(), list(Derived().gen()))
class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
            cls._inst.made = 0
        cls._inst.made += 1
        return cls._inst
s1 = Singleton()
s2 = Singleton()
print(s1 is s2, s2.made)
class Mixin:
    def describe(self):
        return "I am " + self.name()
class Named:
    def name(self):
        return type(self).__name__
class Both(Mixin, Named):
    pass
print(Both().describe())
class Counter:
    instances = []
    def __init__(self):
        self.instances.append(len(self.instances))
Counter(); Counter()
print(Counter.instances)
class Cmp:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
print(Cmp(1) == Cmp(1), Cmp(1) != Cmp(2))
