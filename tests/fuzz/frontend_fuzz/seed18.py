global g
nonlocal n
assert x, "m"
x: int = 5
x += 1
x //= 2
