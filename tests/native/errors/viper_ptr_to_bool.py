# flags: -march=x64
@micropython.viper
def f(p: ptr8) -> int:
    if p:
        return 1
    return 0
