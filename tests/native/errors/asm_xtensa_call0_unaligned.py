# flags: -march=xtensa
@micropython.asm_xtensa
def f(a2):
    nop_n()
    label(here)
    nop_n()
    call0(here)
