# flags: -march=xtensa
@micropython.asm_xtensa
def f(a2):
    l32r(a2, later)
    align(4)
    label(later)
    data(4, 5)
