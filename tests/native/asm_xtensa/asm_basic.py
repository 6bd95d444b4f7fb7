# Xtensa inline assembler: every instruction mpy-cross's asm_xtensa accepts, with small and
# big constants (movi from the literal pool), forward and backward branches, labels, align/data.


@micropython.asm_xtensa
def add4(a2, a3, a4, a5):
    add(a2, a2, a3)
    add_n(a2, a2, a4)
    add(a2, a2, a5)


@micropython.asm_xtensa
def arith(a2, a3):
    sub(a4, a2, a3)
    addi(a4, a4, -100)
    addi(a4, a4, 127)
    addi_n(a4, a4, 15)
    addi_n(a4, a4, -1)
    addi_n(a4, a4, 0)
    addmi(a4, a4, 256)
    addmi(a4, a4, -32768)
    addmi(a4, a4, 32512)
    addx2(a5, a2, a3)
    addx4(a6, a2, a3)
    addx8(a7, a2, a3)
    subx2(a8, a2, a3)
    subx4(a9, a2, a3)
    subx8(a10, a2, a3)
    add(a2, a4, a5)
    add(a2, a2, a6)
    add(a2, a2, a7)
    sub(a2, a2, a8)
    sub(a2, a2, a9)
    sub(a2, a2, a10)
    mull(a2, a2, a3)
    neg(a3, a2)
    abs_(a2, a3)


@micropython.asm_xtensa
def logic(a2, a3):
    and_(a4, a2, a3)
    or_(a5, a2, a3)
    xor(a6, a2, a3)
    add(a2, a4, a5)
    add(a2, a2, a6)
    nsa(a7, a2)
    nsau(a8, a3)
    add(a2, a2, a7)
    add(a2, a2, a8)


@micropython.asm_xtensa
def shifts(a2, a3):
    ssl(a3)
    sll(a4, a2)
    ssr(a3)
    srl(a5, a2)
    sra(a6, a2)
    ssai(17)
    src(a7, a2, a3)
    ssa8b(a3)
    ssa8l(a3)
    slli(a8, a2, 1)
    slli(a8, a8, 31)
    srai(a9, a2, 0)
    srai(a9, a9, 31)
    srli(a10, a2, 15)
    add(a2, a4, a5)
    add(a2, a2, a6)
    add(a2, a2, a7)
    add(a2, a2, a8)
    add(a2, a2, a9)
    add(a2, a2, a10)


@micropython.asm_xtensa
def consts(a2):
    movi(a3, 1)
    movi(a4, -1)
    movi(a5, 0x12345678)
    movi(a6, 0x7FFFFFFF)
    movi(a7, 2048)
    movi_n(a8, -32)
    movi_n(a9, 95)
    mov(a10, a2)
    mov_n(a11, a10)
    add(a2, a3, a4)
    add(a2, a2, a5)
    add(a2, a2, a6)
    add(a2, a2, a7)
    add(a2, a2, a8)
    add(a2, a2, a9)
    add(a2, a2, a11)


@micropython.asm_xtensa
def memory(a2, a3):
    l8ui(a4, a2, 0)
    l8ui(a4, a2, 255)
    l16ui(a5, a2, 2)
    l16ui(a5, a2, 510)
    l16si(a6, a2, 4)
    l32i(a7, a2, 8)
    l32i(a7, a2, 1020)
    l32i_n(a8, a2, 0)
    l32i_n(a8, a2, 60)
    s8i(a3, a2, 1)
    s16i(a3, a2, 6)
    s32i(a3, a2, 12)
    s32i_n(a3, a2, 16)
    s32i_n(a3, a2, 60)
    add(a2, a4, a5)


# A forward reference resolves only in the emit pass (the measuring passes read it as the first
# label), so the forward branches come before the first label, where both passes take the long
# form; after it every branch goes backward.
@micropython.asm_xtensa
def branches(a2, a3):
    movi_n(a4, 0)
    beqz(a2, done)
    bnez_n(a3, start)
    bgeu(a2, a3, done)
    bbci(a2, 16, done)
    label(start)
    label(loop)
    addi(a4, a4, 1)
    bne(a4, a2, loop)
    blt(a4, a3, loop)
    bge(a4, a3, loop)
    bltu(a4, a3, loop)
    bgeu(a4, a3, loop)
    ball(a4, a3, loop)
    bany(a4, a3, loop)
    bnall(a4, a3, loop)
    bnone(a4, a3, loop)
    bbc(a4, a3, loop)
    bbs(a4, a3, loop)
    beq(a4, a3, loop)
    beqz(a4, loop)
    bnez(a4, loop)
    bltz(a4, loop)
    bgez(a4, loop)
    beqz_n(a4, loop)
    bnez_n(a4, loop)
    bbci(a4, 3, loop)
    bbsi(a4, 31, loop)
    j(loop)
    label(done)
    mov(a2, a4)


@micropython.asm_xtensa
def far_branches(a2):
    movi_n(a3, 0)
    label(top)
    addi(a3, a3, 1)
    data(4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    data(4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    data(4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    data(4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    blt(a3, a2, top)
    beqz(a3, top)
    mov(a2, a3)


@micropython.asm_xtensa
def jumps(a2):
    # call0 wants its own address + 3 word-aligned: the entry code ends at 1 mod 4 on both ABIs.
    j(skip)
    movi_n(a2, 0)
    label(skip)
    nop()
    call0(sub)
    jx(a2)
    callx0(a2)
    align(4)
    label(sub)
    addi(a2, a2, 1)
    ret()
    ret_n()
    nop()
    nop_n()


@micropython.asm_xtensa
def table(a2) -> uint:
    j(code)
    align(4)
    label(values)
    data(4, 0x11223344, 0x55667788)
    data(2, 0x99AA, 0xBBCC)
    data(1, 1, 2, 3, 4)
    label(code)
    l32r(a2, values)
    movi(a3, 0xDEADBEEF)
    add(a2, a2, a3)


@micropython.asm_xtensa
def returns_bool(a2) -> bool:
    movi_n(a2, 1)


@micropython.asm_xtensa
def returns_object(a2) -> object:
    mov(a2, a2)


@micropython.asm_xtensa
def no_args():
    movi(a2, 42)


print(add4(1, 2, 3, 4), arith(5, 3), logic(12, 10), shifts(1, 2), consts(7))
print(branches(10, 5), far_branches(3), table(0), returns_bool(0), no_args())
