# flags: -march=armv7m
@micropython.asm_thumb
def f(r0):
    cmp(r0, 1.5)
