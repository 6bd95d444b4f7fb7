# flags: -march=xtensa
@micropython.asm_xtensa
def f(a2):
    mov(x, a2)
    nsa(a2, y)
