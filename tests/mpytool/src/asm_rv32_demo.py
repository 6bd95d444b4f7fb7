# Inline RISC-V assembler of our own.
@micropython.asm_rv32
def add2(a0, a1):
    add(a0, a0, a1)


print(add2(4, 5))
