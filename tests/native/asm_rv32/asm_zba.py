# RV32 inline assembler with -march-flags=zba: sh1add / sh2add / sh3add (scaled indexing).


@micropython.asm_rv32
def scaled(a0, a1, a2):
    sh1add(t0, a0, a1)
    sh2add(t1, a0, a2)
    sh3add(a0, t0, t1)
    sh1add(x31, x0, x1)


print(scaled(1, 2, 3))
