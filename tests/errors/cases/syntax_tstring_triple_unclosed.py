# compat: 1.28 (a triple-quoted t-string with an open field at the end of the file)
x = 1
s = t"""first line {x}
second {x:>{x}"""
