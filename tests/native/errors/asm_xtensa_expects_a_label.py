# flags: -march=xtensa
@micropython.asm_xtensa
def f(a2):
    beqz(a2, 5)
