# flags: -march=x64
@micropython.viper
def f(x: str):
    return 1
