# flags: -march=x64
import micropython
@micropython.asm_thumb
def f():
    pass
