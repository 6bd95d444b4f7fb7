# flags: -march=armv7emsp
@micropython.asm_thumb
def f(r0):
    vmov(s32, r0)
