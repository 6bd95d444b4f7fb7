# flags: -march=xtensa
@micropython.asm_xtensa
def f(a2):
    slli(a2, a2, 0)
