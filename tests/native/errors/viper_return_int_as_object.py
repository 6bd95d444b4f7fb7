# flags: -march=x64
@micropython.viper
def f(x: int, y):
    return x + y
