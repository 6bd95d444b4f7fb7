
# Global variables and builtins used from native code.

total = 0
names = []


@micropython.native
def add(v):
    global total
    total += v
    names.append(str(v))
    return total


@micropython.native
def define():
    global late
    late = "defined"


@micropython.native
def remove():
    global late
    del late


@micropython.native
def probe():
    try:
        return late
    except NameError:
        return "missing"


for i in range(4):
    add(i * i)
print(total, names)
define()
print(probe())
remove()
print(probe())
print(len(names), abs(-3), isinstance(total, int))
