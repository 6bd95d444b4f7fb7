# flags: -march=xtensa
@micropython.asm_xtensa
def f(a2):
    l32i(a2, a3, 1024)
