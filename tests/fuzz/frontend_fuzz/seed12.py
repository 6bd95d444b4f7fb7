a[1:2, ::3, :] = b
del a[0], b.c
