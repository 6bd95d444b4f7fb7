# flags: -march=x64
@micropython.viper
def f(x: float) -> int:
    return 0
