# flags: -march=x64
@micropython.viper
def f(x: int, y):
    a = x + y
    b = x[0]
    return a
