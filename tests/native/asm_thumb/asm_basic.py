# Thumb inline assembler, the instructions every Thumb architecture has (armv6m and up).


@micropython.asm_thumb
def add3(r0, r1, r2):
    add(r0, r0, r1)
    add(r0, r0, r2)


@micropython.asm_thumb
def arith(r0, r1):
    mov(r2, r0)
    sub(r2, r2, r1)
    add(r2, 7)
    sub(r2, 3)
    mov(r3, 0xFF)
    and_(r2, r3)
    orr(r2, r1)
    eor(r2, r0)
    mul(r2, r1)
    mvn(r3, r2)
    neg(r3, r3)
    lsl(r3, r3, 2)
    lsr(r3, r3, 1)
    asr(r3, r3, 1)
    bic(r3, r1)
    cmp(r3, r2)
    cmn(r3, r2)
    tst(r3, r2)
    adc(r3, r2)
    sbc(r3, r1)
    ror(r3, r1)
    mov(r0, r3)


@micropython.asm_thumb
def count_down(r0):
    mov(r1, 0)
    label(loop)
    add(r1, r1, 1)
    sub(r0, 1)
    cmp(r0, 0)
    bne(loop)
    bgt(loop)
    beq(done)
    b(loop)
    label(done)
    mov(r0, r1)


@micropython.asm_thumb
def memory(r0, r1) -> uint:
    ldr(r2, [r0, 4])
    ldrb(r3, [r0, 1])
    ldrh(r3, [r0, 2])
    str(r2, [r1, 8])
    strb(r3, [r1, 31])
    strh(r3, [r1, 62])
    ldr(r0, [r1, 124])


@micropython.asm_thumb
def stack(r0) -> int:
    push({r4, r5, r6, r7, lr})
    mov(r4, r0)
    mov(r8, r4)
    mov(r0, r8)
    pop({r4, r5, r6, r7, pc})


@micropython.asm_thumb
def calls(r0) -> object:
    push({lr})
    bl(inner)
    pop({pc})
    label(inner)
    add(r0, 1)
    bx(lr)


@micropython.asm_thumb
def table(r0) -> bool:
    b(skip)
    align(4)
    label(data_start)
    data(4, 0x12345678, -1, 1 << 31)
    data(2, 0xFFFF, 7)
    data(1, 1, 2, 3)
    align(2)
    label(skip)
    nop()
    wfi()
    cpsid(i)
    cpsie(i)
    mov(r0, pc)
    mov(sp, r7)


@micropython.asm_thumb
def no_args():
    pass


@micropython.asm_thumb
def four_args(r0, r1, r2, r3) -> uint:
    add(r0, r0, r1)
    add(r0, r0, r2)
    add(r0, r0, r3)


print(add3(1, 2, 3))
