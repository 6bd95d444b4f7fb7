# Calls with *args at many argument positions (the compiler encodes their positions as a bit
# mask) mixed with keywords and **kwargs.
def f(*a, **k):
    return len(a), a[-3:], sorted(k)
s = [100, 101]
print(f(*s))
print(f(0, *s))
print(f(0, 1, 2, *s, 3))
print(f(*s, 0, *s, 1, *s))
print(f(0, 1, 2, 3, 4, 5, *s))
print(f(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, *s))
print(f(0, 1, 2, 3, 4, 5, 6, *s, 7, 8, 9, 10, 11, *s, x=1, **{"y": 2}))
print(f(*s, *s, *s, *s, *s, *s, *s, *s))
print(f(**{"a": 1}, **{"b": 2}, c=3))
