# flags: -march=x64
@micropython.viper
def f(x: int):
    a = x
    a = None
    return a
