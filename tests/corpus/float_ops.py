# Float arithmetic, formatting, conversions and math module functions.
import math
vals = [0.1, 1.5, -2.25, 1e10, 3.0e-5, 123.456]
for v in vals:
    print(v, v * 2, v / 3, -v, int(v), round(v, 1), "%.4g" % v, "{:.3e}".format(v))
print(math.sqrt(2), math.pi, math.e, math.sin(0.5), math.cos(1), math.floor(-1.5), math.ceil(1.2))
print(math.isnan(float("nan")), math.isinf(1e400), math.fabs(-3), math.pow(2, 0.5), math.log(100, 10))
print(7.0 == 7, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9, 1.0 / 3 * 3)
print(float("  -1.25e2 "), 2 ** 0.5 * 2 ** 0.5, 10.0 ** 20, 1e-300 * 1e-300)
print(divmod(-7.5, 2), -7.5 // 2, -7.5 % 2, math.fmod(-7.5, 2))
print(min(1.5, 2), max(-0.0, 0.0), sorted([2.5, -1.0, 0.0]))
