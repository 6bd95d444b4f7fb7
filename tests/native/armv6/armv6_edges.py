# ARM-mode (-march=armv6) boundaries of the assembler's choices (tests/native/README.md): constants
# at the mov / mvn / literal-word limits, halfword offsets past 8 bits and word offsets past 12
# bits, frames of up to three locals (no stack reserved) and of more, a native function with
# more than 64 stack slots (addresses of slots past the immediate form), every viper comparison.


@micropython.viper
def constants() -> int:
    a = 255
    b = 256
    c = -1
    d = -256
    e = -257
    f = 0x12345678
    return a + b + c + d + e + f


@micropython.viper
def three_locals(x: int) -> int:
    y = x + 1
    return y * x


@micropython.viper
def four_locals(x: int, y: int) -> int:
    z = x * y
    w = z - x
    return w ^ y


@micropython.viper
def offsets(buf) -> int:
    p8 = ptr8(buf)
    p16 = ptr16(buf)
    p32 = ptr32(buf)
    p16[127] = 1
    p16[128] = 2
    p32[1023] = 3
    p32[1024] = 4
    p8[4095] = 5
    p8[4096] = 6
    return p16[127] + p16[128] + p32[1023] + p32[1024] + p8[4095] + p8[4096]


@micropython.viper
def indexed(buf, i: int) -> int:
    p8 = ptr8(buf)
    p16 = ptr16(buf)
    p32 = ptr32(buf)
    p8[i] = 1
    p16[i] = p8[i] + 1
    p32[i] = p16[i] + 1
    return p32[i] + p16[i + 1] + p8[i + 2]


@micropython.viper
def compares(a: int, b: int, c: uint, d: uint) -> int:
    n = 0
    if a < b:
        n += 1
    if a > b:
        n += 2
    if a <= b:
        n += 4
    if a >= b:
        n += 8
    if a == b:
        n += 16
    if a != b:
        n += 32
    if c < d:
        n += 64
    if c > d:
        n += 128
    if c <= d:
        n += 256
    if c >= d:
        n += 512
    return n


@micropython.viper
def bits(a: int, b: int) -> int:
    return ((a << b) | (a >> 1)) & ~b ^ (-a) + (a * b)

@micropython.native
def many_slots(seed):
    v0 = seed + 0
    v1 = seed + 1
    v2 = seed + 2
    v3 = seed + 3
    v4 = seed + 4
    v5 = seed + 5
    v6 = seed + 6
    v7 = seed + 7
    v8 = seed + 8
    v9 = seed + 9
    v10 = seed + 10
    v11 = seed + 11
    v12 = seed + 12
    v13 = seed + 13
    v14 = seed + 14
    v15 = seed + 15
    v16 = seed + 16
    v17 = seed + 17
    v18 = seed + 18
    v19 = seed + 19
    v20 = seed + 20
    v21 = seed + 21
    v22 = seed + 22
    v23 = seed + 23
    v24 = seed + 24
    v25 = seed + 25
    v26 = seed + 26
    v27 = seed + 27
    v28 = seed + 28
    v29 = seed + 29
    v30 = seed + 30
    v31 = seed + 31
    v32 = seed + 32
    v33 = seed + 33
    v34 = seed + 34
    v35 = seed + 35
    v36 = seed + 36
    v37 = seed + 37
    v38 = seed + 38
    v39 = seed + 39
    v40 = seed + 40
    v41 = seed + 41
    v42 = seed + 42
    v43 = seed + 43
    v44 = seed + 44
    v45 = seed + 45
    v46 = seed + 46
    v47 = seed + 47
    v48 = seed + 48
    v49 = seed + 49
    v50 = seed + 50
    v51 = seed + 51
    v52 = seed + 52
    v53 = seed + 53
    v54 = seed + 54
    v55 = seed + 55
    v56 = seed + 56
    v57 = seed + 57
    v58 = seed + 58
    v59 = seed + 59
    v60 = seed + 60
    v61 = seed + 61
    v62 = seed + 62
    v63 = seed + 63
    v64 = seed + 64
    v65 = seed + 65
    v66 = seed + 66
    v67 = seed + 67
    v68 = seed + 68
    v69 = seed + 69
    return [v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15, v16, v17, v18, v19, v20, v21, v22, v23, v24, v25, v26, v27, v28, v29, v30, v31, v32, v33, v34, v35, v36, v37, v38, v39, v40, v41, v42, v43, v44, v45, v46, v47, v48, v49, v50, v51, v52, v53, v54, v55, v56, v57, v58, v59, v60, v61, v62, v63, v64, v65, v66, v67, v68, v69]


buf = bytearray(20000)
print(constants(), three_locals(3), four_locals(5, 6), offsets(buf), indexed(buf, 7))
print(compares(1, 2, 3, 4), compares(-1, -1, 5, 5), bits(12, 3), len(many_slots(1)))
