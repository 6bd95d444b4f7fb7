# flags: -march=x64
@micropython.viper
def f(p: ptr8):
    p[0] = None
