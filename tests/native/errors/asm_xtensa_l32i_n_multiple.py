# flags: -march=xtensa
@micropython.asm_xtensa
def f(a2):
    l32i_n(a2, a3, 6)
