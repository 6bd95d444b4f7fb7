# flags: -march=rv32imc
@micropython.asm_rv32
def f(a0):
    c_and(a6, a0)
