# flags: -march=x64
@micropython.viper
def f(x: int) -> int:
    return x ** 2
