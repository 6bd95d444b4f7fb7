# flags: -march=rv32imc
@micropython.asm_rv32
def f(a0):
    add(a0, fp, a0)
