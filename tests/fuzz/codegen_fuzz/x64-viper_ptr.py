
# Viper pointer loads and stores: ptr8, ptr16, ptr32 and plain ptr, constant and variable indices.
import array


@micropython.viper
def fill8(buf: ptr8, n: int, v: int):
    i = 0
    while i < n:
        buf[i] = v + i
        i += 1
    buf[0] = 0xAB
    buf[n - 1] = 0xCD


@micropython.viper
def sum8(buf: ptr8, n: int) -> int:
    s = 0
    for i in range(n):
        s += buf[i]
    return s + buf[1] * 1000


@micropython.viper
def swap16(buf: ptr16, n: int):
    for i in range(n):
        v = buf[i]
        buf[i] = ((v & 0xFF) << 8) | (v >> 8)
    buf[2] = buf[0] + buf[1]


@micropython.viper
def acc32(buf: ptr32, n: int) -> int:
    t = 0
    for i in range(n):
        t += buf[i]
        buf[i] = i * 0x10001
    buf[3] = t
    return t + buf[0] + buf[7]


@micropython.viper
def far(buf: ptr8) -> int:
    buf[200] = 9
    buf[127] = 1
    buf[128] = 2
    return buf[200] + buf[127] + buf[128]


b = bytearray(256)
fill8(b, 10, 3)
print(list(b[:10]), sum8(b, 10))
h = array.array("H", [0x1234, 0x00FF, 0, 7])
swap16(h, 2)
print([hex(x) for x in h])
w = array.array("I", [1, 2, 3, 4, 5, 6, 7, 8])
print(acc32(w, 8), list(w))
print(far(b))
