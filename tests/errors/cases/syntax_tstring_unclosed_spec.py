# compat: 1.28 (a format spec whose nested field never closes)
w = 5
x = 1
s = t"{x:{w}"
