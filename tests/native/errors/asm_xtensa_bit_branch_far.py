# flags: -march=xtensa
@micropython.asm_xtensa
def f(a2):
    bbsi(a2, 3, far)
    data(4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    label(far)
