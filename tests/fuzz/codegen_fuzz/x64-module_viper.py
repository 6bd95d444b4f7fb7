
# A whole module compiled with -X emit=viper: untyped code is viper code with object variables.


def double(x: int) -> int:
    return x * 2


def count(n: int) -> int:
    t = 0
    i = 0
    while i < n:
        t += i
        i += 1
    return t


def fill(buf: ptr8, n: int, v: int):
    for i in range(n):
        buf[i] = v


b = bytearray(4)
fill(b, 4, 7)
print(double(21), count(10), list(b))
