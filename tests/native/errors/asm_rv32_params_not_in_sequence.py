# flags: -march=rv32imc
@micropython.asm_rv32
def f(a0, a2):
    c_nop()
