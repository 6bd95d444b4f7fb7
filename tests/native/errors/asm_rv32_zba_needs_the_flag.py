# flags: -march=rv32imc
@micropython.asm_rv32
def f(a0, a1, a2):
    sh1add(a0, a1, a2)
