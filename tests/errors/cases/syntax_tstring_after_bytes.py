# compat: 1.28 (bytes next to a t-string)
s = b"x" t"y"
