# Native and viper functions of our own, compiled with -march=... by the reference mpy-cross.
import micropython


@micropython.native
def checksum(data):
    total = 0
    for b in data:
        total = (total * 31 + b) & 0xFFFF
    return total


@micropython.viper
def popcount(x: int) -> int:
    n = 0
    while x:
        n += x & 1
        x >>= 1
    return n


@micropython.viper
def fill(buf, value: int):
    p = ptr8(buf)
    for i in range(int(len(buf))):
        p[i] = value


def plain(a, b=2):
    return a * b


buf = bytearray(4)
fill(buf, 7)
print(checksum(b"micropython"), popcount(0xF0F0), list(buf), plain(3))
