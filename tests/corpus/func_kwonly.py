# Keyword-only arguments with and without defaults, after *args and after bare *.
def f(a, *, b, c=3):
    return a, b, c
print(f(1, b=2), f(1, c=4, b=5))
def g(*args, key=None, flag):
    return args, key, flag
print(g(flag=1), g(1, 2, flag=0, key="k"))
def h(a, b=1, *rest, k1, k2=2, **kw):
    return a, b, rest, k1, k2, sorted(kw.items())
print(h(1, k1=0))
print(h(1, 2, 3, 4, k1=5, k2=6, x=7, y=8))
try:
    f(1)
except TypeError:
    print("missing kw-only")
try:
    f(1, 2)
except TypeError:
    print("too many positional")
lam = lambda x, *, y=2: x * y
print(lam(3), lam(3, y=4))
