# Inline Xtensa assembler of our own.
@micropython.asm_xtensa
def add2(a2, a3):
    add(a2, a2, a3)


print(add2(4, 5))
