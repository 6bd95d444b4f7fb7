# Complex literals and arithmetic.
a = 3j
b = 1 + 2j
print(a, b, 1.5j, 1e2j, 0j)
print(b * b, b + a, b - 1, b / 2)
print(b.real, b.imag, abs(3 + 4j))
print(complex(1, 2), complex(2), (1 + 2j) == complex(1, 2))
print(-b, (2j) ** 2, 1j * 1j)
print(type(a).__name__)
