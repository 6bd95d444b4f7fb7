# flags: -march=armv7m
@micropython.asm_thumb
def f(r0):
    add(r0, r0, 1)
    foo(r1)
