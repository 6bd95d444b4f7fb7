# Integer literals of every base, with underscores, and values around the small-int boundary.
print(0, 7, -7, 1_000_000)
print(0x1F, 0X_ff, 0o17, 0O7_7, 0b1011, 0B_1111_0000)
print(2**30 - 1, 2**30, -(2**30), -(2**30) - 1)
print(0x3FFFFFFF, 0x40000000, 0x7FFFFFFF, 0x80000000)
print(1073741823, 1073741824, -1073741824, -1073741825)
print(123456789012345678901234567890)
print(-98765432109876543210987654321 * 3)
print(0xDEADBEEFCAFEBABE1234, 0o7777777777777777777777, 0b1 << 100)
big = 340282366920938463463374607431768211456
print(big, big - 1, big // 7, big % 97, -big)
print(type(10**40), 10**40 == 10000000000000000000000000000000000000000)
print(int("12345678901234567890") + 1)
print(00, 0_0)
x = 4611686018427387904
print(x, x >> 1, x << 2, hex(x), oct(x), bin(x)[:12])
