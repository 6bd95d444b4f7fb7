# flags: -march=xtensa
@micropython.asm_xtensa
def f(a2):
    addi_n(a2, a2, 16)
