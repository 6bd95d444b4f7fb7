# compat: 1.28 (a single closing brace in a t-string)
x = 1
ok = t"{{}} {x}"
bad = t"a } b"
