# flags: -march=xtensa
@micropython.asm_xtensa
def f(a2):
    addmi(a2, a3, 300)
