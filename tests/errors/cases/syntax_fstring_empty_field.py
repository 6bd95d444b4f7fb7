# compat: 1.28 (1.27 formats an empty tuple for an empty field)
x = 1
print(f"{x}")
print(f"[{}]")
