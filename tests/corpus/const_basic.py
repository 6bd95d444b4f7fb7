# micropython.const: folded names, private names (leading underscore), const expressions.
from micropython import const
import micropython

A = const(10)
B = const(A * 2 + 1)
_PRIV = const(100)
C = micropython.const(0x1000)
BIG = const(1 << 40)
S = const("a string")
T = const((1, 2, 3))
NEG = const(-7)
print(A, B, _PRIV, C, BIG, S, T, NEG)
print(A + B + _PRIV, C >> 4, _PRIV // 3, BIG + 1)

def use():
    x = _PRIV + A
    return x, B * 2, [A, B, C]
print(use())

class K:
    V = const(5)
    W = V * 2
print(K.V, K.W)
g = globals()
print("A" in g, "_PRIV" in g, "BIG" in g)
