# flags: -march=xtensa
@micropython.asm_xtensa
def f(a2):
    j(nowhere)
