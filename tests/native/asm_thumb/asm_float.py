# Thumb inline assembler: single-precision float instructions (armv7emsp and armv7emdp).


@micropython.asm_thumb
def fsum(r0, r1):
    vmov(s0, r0)
    vmov(s1, r1)
    vcvt_f32_s32(s0, s0)
    vcvt_f32_s32(s1, s1)
    vadd(s2, s0, s1)
    vsub(s3, s2, s0)
    vmul(s4, s3, s1)
    vdiv(s31, s4, s1)
    vneg(s5, s31)
    vsqrt(s6, s5)
    vcmp(s6, s5)
    vmrs(APSR_nzcv, FPSCR)
    vmrs(r2, FPSCR)
    vcvt_s32_f32(s7, s6)
    vmov(r0, s7)


@micropython.asm_thumb
def fmem(r0, r1):
    vldr(s0, [r0, 0])
    vldr(s17, [r0, 1020])
    vstr(s0, [r1, 4])
    vstr(s17, [r1, 8])


print(fsum(1, 2))
