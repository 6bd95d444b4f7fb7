# flags: -march=xtensa
@micropython.asm_xtensa
def f(a2):
    frob(a2, a3)
