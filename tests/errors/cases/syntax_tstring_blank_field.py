# compat: 1.28 (a field of only spaces is empty once trimmed)
x = 1
y = t"{ x }"
z = t"{    }"
