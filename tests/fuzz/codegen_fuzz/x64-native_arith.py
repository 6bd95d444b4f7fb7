
# Arithmetic on Python objects inside @micropython.native functions.


@micropython.native
def combine(a, b):
    s = a + b
    d = a - b
    p = a * b
    q = a // b
    r = a % b
    t = a / b
    return s, d, p, q, r, t


@micropython.native
def bits(a, b):
    return a & b, a | b, a ^ b, a << 3, a >> 1, ~a, -b, +a


@micropython.native
def power(x, n):
    acc = 1
    acc *= x ** n
    acc += 7
    acc -= 2
    acc //= 3
    acc <<= 2
    acc %= 1000003
    return acc


@micropython.native
def big():
    x = 1 << 70
    y = x * x - 12345678901234567890
    return y % 999999937


@micropython.native
def floats(x):
    return x * 2.5 + 0.125, x / 4, -x


print(combine(17, 5))
print(combine(-17, 5))
print(bits(0x5A, 0x0F))
print(power(3, 9))
print(big())
print(floats(3))
