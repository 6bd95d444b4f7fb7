# compat: 1.27 (MicroPython 1.28 accepts f-strings nested in f-strings)
x = 1
print(f"{f'{x}'} n", f"{'a' if x else 'b'}")
