# Bitwise operators on small and big ints, negative values, and augmented forms.
vals = [0, 1, -1, 5, -6, 0xFF, 1 << 40, -(1 << 40) + 3]
for a in vals[:5]:
    for b in vals[3:]:
        print(a & b, a | b, a ^ b, end="; ")
    print()
n = 0b1010
n |= 0b0101
n &= 0b1100
n ^= 0b0011
n <<= 3
n >>= 1
print(n, bin(n), ~n, -~n, ~-n)
print((1 << 64) - 1 & 0xFFFF, (1 << 64) >> 60, -1 << 64)
print(0x5555 & ~0x0F0F, 12 ^ 12, 7 | 8 | 16)
