# Arithmetic operators on ints and floats, with runtime (non-constant) operands.
def vals():
    return 17, 5, -17, 2.5
a, b, c, f = vals()
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(c // b, c % b, -a // -b, divmod(a, b), divmod(c, b))
print(a + f, a * f, a / f, a // f, a % f, f ** 2)
print(-a, +a, ~a, abs(c))
print(a << 3, a >> 2, c >> 1, a & b, a | b, a ^ b)
print(2 ** -1, pow(2, 10), pow(3, 4, 5))
big = a ** 40
print(big, big * big % 1000007, big // a ** 39)
print(True + True, False * 10, 3 * "ab", [0] * 3)
try:
    a // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", type(e).__name__)
try:
    f / 0
except ZeroDivisionError:
    print("float div zero")
