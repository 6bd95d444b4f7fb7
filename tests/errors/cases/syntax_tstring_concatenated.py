# compat: 1.28 (MicroPython cannot join adjacent t-strings)
x = 1
s = t"a{x}" t"b"
