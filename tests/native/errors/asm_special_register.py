# flags: -march=armv7m
@micropython.asm_thumb
def f(r0):
    mrs(r0, FOO)
