# flags: -march=x64
@micropython.viper
def f(x: int):
    y = x
    x[1] = 5
