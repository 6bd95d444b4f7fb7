# flags: -march=armv7m
@micropython.asm_thumb
def f(r0):
    label(a)
    nop()
    label(a)
