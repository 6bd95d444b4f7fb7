# flags: -march=x64
@micropython.viper
def f(x: int):
    x[1] = 5
