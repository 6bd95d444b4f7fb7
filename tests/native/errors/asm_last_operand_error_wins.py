# flags: -march=armv6m
@micropython.asm_thumb
def f(r0):
    ldr(r8, [r0, 3])
