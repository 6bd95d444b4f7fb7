# RV32 inline assembler: every instruction mpy-cross's asm_rv32 accepts (base, M extension,
# compressed forms, CSR access), every register spelling (ABI names and x0..x31), immediates at
# the limits of their fields (negative offsets too), li's shortest sequences, la of a data table,
# forward and backward branches and jumps, align/data, the return types.  The functions that are
# called touch only caller-saved registers (memory, compressed and system are assembled only).


@micropython.asm_rv32
def add4(a0, a1, a2, x13):
    add(a0, a0, a1)
    add(a0, a0, a2)
    add(x10, x10, a3)


@micropython.asm_rv32
def alu(a0, a1):
    sub(t0, a0, a1)
    sll(t1, a0, a1)
    slt(t2, a0, a1)
    sltu(t3, a0, a1)
    xor(t4, a0, a1)
    srl(t5, a0, a1)
    sra(t6, a0, a1)
    or_(a2, a0, a1)
    and_(a3, a0, a1)
    add(a0, t0, t1)
    add(a0, a0, t2)
    add(a0, a0, t3)
    add(a0, a0, t4)
    add(a0, a0, t5)
    add(a0, a0, t6)
    add(a0, a0, a2)
    add(a0, a0, a3)


@micropython.asm_rv32
def muldiv(a0, a1):
    mul(t0, a0, a1)
    mulh(t1, a0, a1)
    mulhsu(t2, a0, a1)
    mulhu(t3, a0, a1)
    div(t4, a0, a1)
    divu(t5, a0, a1)
    rem(t6, a0, a1)
    remu(a2, a0, a1)
    add(a0, t0, t1)
    add(a0, a0, t2)
    add(a0, a0, t3)
    add(a0, a0, t4)
    add(a0, a0, t5)
    add(a0, a0, t6)
    add(a0, a0, a2)


@micropython.asm_rv32
def immediates(a0):
    addi(a0, a0, 2047)
    addi(a0, a0, -2048)
    slti(t0, a0, -1)
    sltiu(t1, a0, 2047)
    xori(t2, a0, -2048)
    ori(t3, a0, 0x7F0)
    andi(t4, a0, -16)
    slli(t5, a0, 31)
    srli(t6, a0, 0)
    srai(a1, a0, 17)
    add(a0, t0, t1)
    add(a0, a0, t2)
    add(a0, a0, t3)
    add(a0, a0, t4)
    add(a0, a0, t5)
    add(a0, a0, t6)
    add(a0, a0, a1)


@micropython.asm_rv32
def constants() -> uint:
    li(a0, 0)
    li(a1, -32)
    li(a2, 31)
    li(a3, 2047)
    li(a4, -2048)
    li(a5, 0x12345)
    li(a6, 0x7FFFF000)
    li(a7, -0x80000000)
    li(t0, 0xFFFFFFFF)
    li(t1, 0x12345FFF)
    li(t2, 4096)
    lui(t3, 0xFFFFF)
    lui(t4, -1)
    auipc(t5, 1)
    c_lui(t6, 31)
    c_lui(t5, 1)
    add(a0, a0, a1)
    add(a0, a0, a2)
    add(a0, a0, a3)
    add(a0, a0, a4)
    add(a0, a0, a5)
    add(a0, a0, a6)
    add(a0, a0, a7)
    add(a0, a0, t0)
    add(a0, a0, t1)
    add(a0, a0, t2)
    add(a0, a0, t3)
    add(a0, a0, t4)
    add(a0, a0, t5)
    add(a0, a0, t6)


@micropython.asm_rv32
def memory(a0, a1):
    lw(t0, 0(a0))
    lw(t1, 2047(a0))
    lw(t2, -2048(a0))
    lh(t3, -2(a0))
    lhu(t4, +2(a0))
    lb(t5, 1(a0))
    lbu(t6, -1(a0))
    sw(a1, 4(a0))
    sh(a1, -4(a0))
    sb(a1, 2047(a0))
    sw(zero, 0(x10))
    c_lw(a2, 0(a0))
    c_lw(a3, 60(s0))
    c_lw(a4, -64(s1))
    c_sw(a5, 60(a0))
    c_sw(s0, -4(a5))
    c_lwsp(a2, 124)
    c_lwsp(ra, 0)
    c_lwsp(t0, -128)
    c_swsp(zero, 124)
    c_swsp(a3, 4)
    c_addi4spn(a0, 1020)
    c_addi4spn(s1, 4)
    add(a0, t0, t1)


@micropython.asm_rv32
def compressed(a0, a1) -> int:
    c_mv(a2, a0)
    mv(a3, zero)
    mv(zero, a1)
    c_add(a2, a1)
    c_addi(a2, -32)
    c_addi(a2, 31)
    c_li(a4, -32)
    c_li(x31, 31)
    c_slli(a2, 31)
    c_srli(a3, 0)
    c_srai(s0, 31)
    c_andi(s1, -32)
    c_andi(a5, 31)
    c_sub(s0, s1)
    c_xor(a0, a1)
    c_or(a2, a3)
    c_and(a5, a4)
    c_sub(a4, a5)
    c_nop()
    c_mv(a0, a2)


@micropython.asm_rv32
def branches(a0, a1):
    li(t0, 0)
    label(top)
    beq(a0, a1, done)
    bne(a0, zero, step)
    blt(a0, a1, step)
    label(step)
    bge(a0, a1, done)
    bltu(a0, a1, small)
    bgeu(a0, a1, done)
    label(small)
    c_beqz(a0, done)
    c_bnez(s0, next)
    label(next)
    addi(a0, a0, -1)
    addi(t0, t0, 1)
    c_bnez(a0, top)
    c_beqz(a1, top)
    beq(zero, zero, top)
    label(done)
    mv(a0, t0)


@micropython.asm_rv32
def jumps(a0):
    c_j(forward)
    label(back)
    addi(a0, a0, 100)
    jal(zero, out)
    label(forward)
    addi(a0, a0, 1)
    c_j(back)
    # Never reached (the jumps above end at `out`): the other jump encodings.
    c_jal(out)
    jal(ra, back)
    la(t0, out)
    jalr(zero, t0, 0)
    jalr(ra, ra, -2048)
    c_jr(ra)
    c_jalr(t0)
    label(out)


@micropython.asm_rv32
def system():
    csrrw(t0, t1, 0xFFF)
    csrrs(t0, zero, 0x300)
    csrrc(zero, t1, 0)
    csrrwi(t0, 0x305, 31)
    csrrsi(t0, 0, 0)
    csrrci(t0, 0xFFF, 1)
    ecall()
    ebreak()
    c_ebreak()


@micropython.asm_rv32
def table(a0) -> uint:
    la(t0, data_start)
    slli(a0, a0, 2)
    add(t0, t0, a0)
    lw(a0, 0(t0))
    jal(zero, end)
    align(4)
    label(data_start)
    data(4, 0x01020304, 0xFFFFFFFF, -1, 2**40 + 7)
    data(2, 0x1234, -2)
    data(1, 0x55, 0x1FF)
    align(8)
    label(end)


@micropython.asm_rv32
def as_object(a0) -> object:  # an object without a buffer is passed as itself
    mv(a0, a0)


@micropython.asm_rv32
def as_bool(a0) -> bool:
    sltu(a0, zero, a0)


@micropython.asm_rv32
def empty():
    pass


print(add4(1, 2, 3, 4))
print(alu(100, 3), muldiv(1000, 7), immediates(5))
print(constants())
print(branches(5, 9), jumps(1), table(1))
print(as_object(len) is len, as_bool(7), as_bool(0))
empty()
