# flags: -march=xtensa
@micropython.asm_xtensa
def f(a2):
    movi_n(a2, 96)
