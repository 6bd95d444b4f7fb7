# flags: -march=x64
@micropython.viper
def f(x: str):
    a = 1
    b = 2
