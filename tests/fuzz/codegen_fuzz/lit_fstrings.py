# f-strings: conversions, format specs, nested specs, '=', nesting of quotes and expressions.
x = 42
name = "world"
pi = 3.14159265
items = [1, 2, 3]
print(f"hello {name}!")
print(f"{x} {x + 1} {x * 2:5d}|{x:<5}|{x:^7}|{x:>6}|")
print(f"{pi:.2f} {pi:10.3f} {pi:e} {x:08b} {x:x} {x:#X} {x:o}")
print(f"{name!r} {name!s} {name:>10}")
w, p = 10, 3
print(f"[{pi:{w}.{p}f}]")
print(f"{x=}", f"{name=!r}", f"{x*2=}")
print(f"{'inner'} {items[1]} {len(items)} {{literal braces}}")
try:
    print(f"{f'{x}'} nested")
except TypeError as e:
    print("nested f-string:", e)
print(f"{x > 1}")
print(rf"raw {x}\n", fr"{name}\t")
d = {"k": "v"}
print(f"{d['k']} {items!r}")
print(f"multi {x} " f"concat {name}" " plain")
print(f"""triple {x}
{name}""")
print(f"{x:,}", f"{1234567:_}", f"{-x:+}", f"{x:+}")
