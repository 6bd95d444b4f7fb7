# Float constants whose stored text form is delicate: values needing 17 significant digits,
# extremes, subnormals, overflow to inf, negative zero, and complex parts.
vals = [0.1, 0.2, 0.30000000000000004, 1 / 3, 0.1234567890123456789, 123456789012345678.0,
        1.7976931348623157e308, 2.2250738585072014e-308, 5e-324, 2.5e-310, 1e400, -1e400,
        1e22, 1e23, 9007199254740993.0, 4.35, 2.675, 1e-5, 1e-4, 1e16, 1e15, 0.5e-6,
        3.141592653589793, 2.718281828459045, 1.0000000000000002, 0.9999999999999999]
for v in vals:
    print(repr(v), v == v, "%.17g" % v)
print(-0.0, 0.0, -0.0 == 0.0, repr(-0.0))
print(1e400 - 1e400 != 1e400 - 1e400, 1e400 > 1e308)
print(1.5j, 1e400j, -0j, 0.1j, 1e-320j, 2j * 1e308 * 10)
print(1_000.000_1, 0e0, 0.0e-10, 00.5, 1.e1, 1E+1)
def f():
    return 6.02214076e23, 1.602176634e-19, 299792458.0
print(f())
