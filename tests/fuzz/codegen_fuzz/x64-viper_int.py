
# Viper integer arithmetic, comparisons and bit operations.


@micropython.viper
def arith(a: int, b: int) -> int:
    s = a + b
    d = a - b
    p = a * b
    return s * 1000000 + d * 1000 + p


@micropython.viper
def bitops(a: int, b: int) -> int:
    x = (a & b) | (a ^ 0x0F0)
    x = x << 2
    x = x >> 1
    return x ^ ~b


@micropython.viper
def shifts(a: int, n: int) -> int:
    return (a << n) + (a >> n) + (-a >> 1)


@micropython.viper
def unsigned(a: uint, b: uint) -> uint:
    c = a >> 3
    if a < b:
        c += uint(1)
    if a >= b:
        c += uint(100)
    return c


@micropython.viper
def compare(a: int, b: int) -> int:
    r = 0
    if a < b:
        r += 1
    if a <= b:
        r += 2
    if a == b:
        r += 4
    if a != b:
        r += 8
    if a > b:
        r += 16
    if a >= b:
        r += 32
    return r


@micropython.viper
def aug(x: int) -> int:
    x += 5
    x -= 1
    x *= 3
    x &= 0xFF
    x |= 0x100
    x ^= 0x3
    x <<= 1
    x >>= 2
    return x


@micropython.viper
def constants() -> int:
    a = 0x3FFFFFFF
    b = -1
    c = 0
    d = 127
    e = 128
    return a + b + c + d + e


print(arith(7, 3), arith(-7, 3))
print(bitops(0x1234, 0x0FF0))
print(shifts(1000, 3), shifts(-1000, 2))
print(unsigned(100, 200), unsigned(300, 200))
print(compare(1, 2), compare(2, 2), compare(3, 2), compare(-1, 1))
print(aug(10))
print(constants())
