
# Viper return types and typed arguments, and calls between viper functions.


@micropython.viper
def r_int(a: int) -> int:
    return a * 2


@micropython.viper
def r_uint(a: uint) -> uint:
    return a + uint(1)


@micropython.viper
def r_bool(a: int) -> bool:
    return a > 10


@micropython.viper
def r_obj(a: int) -> object:
    return [a, a]


@micropython.viper
def r_none(a: int):
    pass


@micropython.viper
def r_ptr(buf) -> ptr8:
    return ptr8(buf)


@micropython.viper
def calls(a: int, b: int, c: int, d: int) -> int:
    x = int(r_int(a)) + int(r_uint(b))
    if r_bool(c):
        x += 1000
    return x + d + int(len(r_obj(d)))


print(r_int(21), r_uint(1), r_bool(11), r_bool(3), r_obj(2), r_none(1))
print(r_ptr(bytearray(2)) != 0)
print(calls(1, 2, 30, 4), calls(5, 6, 7, 8))
