# flags: -march=armv7m
@micropython.asm_thumb
def f(r0):
    mov(r0, 256)
