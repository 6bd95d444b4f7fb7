# flags: -march=rv32imc
@micropython.asm_rv32
def f(a0):
    c_nop()
    addi(a0, a0, -2049)
