x = 1
print(f"{f'{x}'} n", f"{'a' if x else 'b'}")
