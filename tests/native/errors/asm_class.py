# flags: -march=armv7m
@micropython.asm_thumb
class C:
    pass
