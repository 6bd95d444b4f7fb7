# A module imported by other corpus programs; runs standalone too.
print("helper_mod imported as", __name__)
CONST = 42
_private = "hidden from star-import"
def func(x):
    return "func(%r)" % (x,)
class Klass:
    attr = "klass attr"
def counter():
    global calls
    calls += 1
    return calls
calls = 0
