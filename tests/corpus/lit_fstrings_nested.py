# compat: 1.28
# f-strings nested in f-strings, which MicroPython 1.28 compiles (1.27 gives other bytecode or
# errors), and the "{{" edge cases its rewritten lexer handles.  Compile-only: the 1.27 runtime
# of the semantic tests would run these differently.
x = 42
name = "world"
w = 8
items = [1, 2, 3]

print(f"{f'{x}'} nested")
print(f"a{f'b{x}c'}d{f'e{name}f'}g")
print(f"{f'{x:>{w}}'}|{f'{name!r}'}")
print(f"{f'{f"{x}"}'} three levels")
print(f"""{f'''{x}
{name}'''}""")
print(f"{x} {f'{items[0]}-{items[-1]}'} {len(f'{name}')}")
print(f"{'yes' if f'{x}' == '42' else 'no'}")
print(f"{{" f"}}", f"{{x}}", f"{{{x}}}", f"{{{{")
print(f"{x=}", f"{f'{x=}'=}")
print(rf"{f'{x}'}\n" fr"{name}\t")
print([f"{f'{i}'}" for i in items])
