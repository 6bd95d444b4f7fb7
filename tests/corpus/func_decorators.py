# Function and class decorators: stacked, with arguments, order of application.
def trace(fn):
    def wrapper(*a, **k):
        print("call", fn.__name__, a)
        return fn(*a, **k)
    return wrapper
def tag(label):
    print("making tag", label)
    def deco(fn):
        print("applying tag", label)
        def w(*a):
            return label + ":" + str(fn(*a))
        return w
    return deco
@trace
def add(a, b):
    return a + b
print(add(2, 3))
@tag("outer")
@tag("inner")
def val(x):
    return x * 2
print(val(21))
registry = []
def register(cls):
    registry.append(cls.__name__)
    return cls
@register
class Alpha:
    pass
@register
class Beta:
    @staticmethod
    @trace
    def sm(x):
        return -x
print(registry, Beta.sm(4))
class Holder:
    fns = {}
    @classmethod
    def on(cls, key):
        def d(f):
            cls.fns[key] = f
            return f
        return d
@Holder.on("go")
def go():
    return "went"
print(Holder.fns["go"]())
