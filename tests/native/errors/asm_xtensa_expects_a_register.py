# flags: -march=xtensa
@micropython.asm_xtensa
def f(a2):
    add(a2, a3, r4)
