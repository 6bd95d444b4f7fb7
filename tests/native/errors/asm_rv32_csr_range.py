# flags: -march=rv32imc
@micropython.asm_rv32
def f(a0):
    csrrwi(a0, 0x1000, 1)
