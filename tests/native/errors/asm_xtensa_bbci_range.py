# flags: -march=xtensa
@micropython.asm_xtensa
def f(a2):
    bbci(a2, 40, lab)
    label(lab)
