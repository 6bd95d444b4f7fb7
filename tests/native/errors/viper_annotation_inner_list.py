# flags: -march=x64
@micropython.viper
def f(x: str):
    if x:
        a = 1
        b = 2
    c = 3
