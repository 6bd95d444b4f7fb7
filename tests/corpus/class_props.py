# property (getter/setter/deleter), staticmethod, classmethod, and class-level counters.
class Temp:
    scale = "C"
    def __init__(self, c):
        self._c = c
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        print("set", v)
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleted")
        self._c = None
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @staticmethod
    def describe():
        return "temperature"
    @classmethod
    def freezing(cls):
        return cls(0)
t = Temp(100)
print(t.celsius, t.fahrenheit)
t.celsius = 37
print(t.celsius)
del t.celsius
print(t.celsius)
print(Temp.describe(), t.describe(), Temp.freezing().fahrenheit)
try:
    t.fahrenheit = 1
except AttributeError:
    print("read-only property")
class Sub(Temp):
    @classmethod
    def freezing(cls):
        obj = super().freezing()
        obj.tag = cls.__name__
        return obj
s = Sub.freezing()
print(s.tag, type(s).__name__, s.celsius)
def getx(self):
    return "x via property()"
class Old:
    x = property(getx)
print(Old().x)
