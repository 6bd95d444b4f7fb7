# flags: -march=x64
import micropython
@micropython.asm_xtensa
def f():
    pass
