# flags: -march=x64
@micropython.viper
def f(x: int):
    return x[1]
@micropython.viper
def g(x: str):
    return 1
