# flags: -march=xtensa
@micropython.asm_xtensa
def f(a2, a4):
    nop()
