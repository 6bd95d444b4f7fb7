# flags: -march=armv7m
@micropython.asm_thumb
def f(r0):
    b(far)
    align(4096)
    label(far)
