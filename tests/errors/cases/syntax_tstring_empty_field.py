# compat: 1.28 (an empty t-string field is malformed)
name = "x"
print(t"a{name}b")
print(t"a{}b")
