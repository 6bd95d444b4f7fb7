# Arbitrary-precision integers: arithmetic, comparisons with small ints, conversions, hashing.
a = 2 ** 200
b = 3 ** 120
print(a, b, a + b, a - b, a * b % 10 ** 20, a // b, a % b)
print(-a // 7, -a % 7, divmod(a, -13), (-a) >> 100, a >> 199, 1 << 199 == a // 2)
print(a > b, a == 2 ** 200, a != a + 1, -a < 0, max(a, b) == a)
print(int("9" * 50) + 1, str(a)[:20], len(str(a)), hex(b)[:20])
print(a & (2 ** 100 - 1), a | 1, a ^ (a - 1), ~a < 0)
print(int.from_bytes(b"\x01\x00\x00\x00\x00\x00\x00\x00\x00", "big"), (2 ** 70).to_bytes(10, "little"))
print(hash(10 ** 30) == hash(10 ** 30), pow(a, 3, 10 ** 9 + 7), abs(-b) == b)
x = 1
for i in range(70):
    x *= 3
print(x, x % 1000000007, float(x))
print(2 ** 63 - 1, -(2 ** 63), 2 ** 64 // 3, 10 ** 18 * 10 ** 18)
