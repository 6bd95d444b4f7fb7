
# Viper casts between object, int, uint, bool and pointers.


@micropython.viper
def to_int(x) -> int:
    return int(x) + 1


@micropython.viper
def to_uint(x: int) -> uint:
    return uint(x)


@micropython.viper
def truthy(x: int) -> bool:
    return bool(x)


@micropython.viper
def ptr_from(buf) -> int:
    p = ptr8(buf)
    q = ptr16(buf)
    r = ptr32(buf)
    return p[0] + q[1] + r[1]


@micropython.viper
def ptr_addr(buf) -> int:
    p = ptr(buf)
    a = int(p)
    b = int(ptr8(buf))
    return a - b


@micropython.viper
def mix(o, n: int) -> int:
    t = int(o)
    u = uint(n)
    return t + int(u)


print(to_int(41), to_uint(-1) == (1 << 64) - 1 or to_uint(-1))
print(truthy(0), truthy(3))
print(ptr_from(bytearray(b"\x01\x02\x03\x04\x05\x06\x07\x08")))
print(ptr_addr(bytearray(8)))
print(mix(10, 20))
