# Positional defaults, keyword calls, default evaluation time, mutable defaults.
def f(a, b=2, c="c"):
    return a, b, c
print(f(1), f(1, 3), f(1, c=9), f(a=0, b=0, c=0), f(c=1, a=2))
counter = 5
def g(x=counter):
    return x
counter = 99
print(g(), g(1))
def acc(v, into=[]):
    into.append(v)
    return into
print(acc(1), acc(2), acc(3, []))
def h(a, b=None, *, c=None):
    return a, b, c
print(h(1), h(1, 2, c=3))
def many(a=1, b=2, c=3, d=4, e=5, f=6, g=7, h=8):
    return a + b + c + d + e + f + g + h
print(many(), many(10, h=100))
try:
    f()
except TypeError as e:
    print("TypeError")
try:
    f(1, 2, 3, 4)
except TypeError:
    print("TypeError 2")
try:
    f(1, d=4)
except TypeError:
    print("TypeError 3")
