# flags: -march=armv6m
@micropython.asm_thumb
def f(r0):
    label(x)
    beq_w(x)
