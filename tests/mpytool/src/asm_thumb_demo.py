# Inline Thumb assembler of our own (armv6m / armv7m).
@micropython.asm_thumb
def add3(r0, r1, r2):
    add(r0, r0, r1)
    add(r0, r0, r2)


print(add3(1, 2, 3))
