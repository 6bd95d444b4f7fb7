# flags: -march=x64
@micropython.viper
def f(x: int, y) -> int:
    return x - y
