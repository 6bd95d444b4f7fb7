# compat: 1.28 ("x = " is not a debug field in a t-string: the spaces go first)
x = 1
print(t"{x=}")
print(t"{x = }")
