# Source that CPython rejects or treats differently but MicroPython 1.27 compiles: mpyc must
# accept it and produce the same code.
from micropython import const
F = const(1.5)
def bare_star(*):
    return "bare star"
def await_in_plain_def(x):
    await x
def kw_repeat(**k):
    return sorted(k.items())
def walrus_in_comp():
    [z := i for i in range(3)]
    return z
print(F, bare_star())
try:
    print(kw_repeat(a=1, a=2))
except TypeError as e:
    print("TypeError", e)
try:
    print(walrus_in_comp())
except NameError as e:
    print("NameError", e)
g = await_in_plain_def(iter([1]))
print(type(g).__name__)
