# Thumb inline assembler: the Thumb-2 instructions of armv7m and the armv7em variants.


@micropython.asm_thumb
def wide(r0, r1):
    movw(r2, 0x1234)
    movt(r2, 0xABCD)
    movwt(r3, 0x89ABCDEF)
    clz(r2, r0)
    rbit(r3, r1)
    sdiv(r0, r0, r1)
    udiv(r1, r2, r3)
    mrs(r2, IPSR)
    mrs(r3, BASEPRI)


@micropython.asm_thumb
def conditions(r0, r1):
    cmp(r0, r1)
    ite(gt)
    mov(r0, 1)
    mov(r0, 0)
    it(eq)
    add(r0, 1)
    itte(ne)
    ittee(lt)
    itet(cs)


@micropython.asm_thumb
def branches(r0):
    label(top)
    sub(r0, 1)
    beq_w(end)
    bne_n(top)
    bhi_w(top)
    bls(end)
    b(top)
    label(end)


@micropython.asm_thumb
def exclusive(r0, r1):
    ldrex(r2, [r0, 4])
    strex(r3, r2, [r1, 8])
    push({r8, r9, lr})
    pop({r8, r9, pc})


print(conditions(1, 2))
