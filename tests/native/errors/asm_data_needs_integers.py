# flags: -march=armv7m
@micropython.asm_thumb
def f(r0):
    data(4, 1, 1.5)
