# A function with many locals, arguments and constants, so local indices, argument counts and
# constant-table indices need multi-byte encodings.
def many_args(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, *, k0=0, k1=1):
    return a0 + a19 + a10 + k0 + k1
print(many_args(*range(20)), many_args(*range(20), k0=100))
def many_locals():
    v0 = 0; v1 = 1; v2 = 2; v3 = 3; v4 = 4; v5 = 5; v6 = 6; v7 = 7; v8 = 8; v9 = 9
    v10 = 10; v11 = 11; v12 = 12; v13 = 13; v14 = 14; v15 = 15; v16 = 16; v17 = 17; v18 = 18; v19 = 19
    v20 = 20; v21 = 21; v22 = 22; v23 = 23; v24 = 24; v25 = 25; v26 = 26; v27 = 27; v28 = 28; v29 = 29
    w = [v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15, v16, v17, v18, v19]
    w += [v20, v21, v22, v23, v24, v25, v26, v27, v28, v29]
    def inner():
        return v3 + v17 + v29
    return sum(w), inner()
print(many_locals())
def many_consts():
    return ("c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", 1.5, 2.5, 3.5, 10**20, 10**21,
            "x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", b"b0", b"b1", b"b2", 4.5, 5.5)
print(len(many_consts()), many_consts()[13], many_consts()[-1])
def deep_stack():
    return [[[[[[[[1, 2], 3], 4], 5], 6], 7], 8], (1, (2, (3, (4, (5, (6, (7, (8, 9))))))))]
print(deep_stack())
def many_cells():
    c0 = c1 = c2 = c3 = c4 = c5 = c6 = c7 = c8 = c9 = 1
    return lambda: c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9
print(many_cells()())
