# flags: -march=x64
@micropython.viper
def f(x: int):
    y = x
    if y:
        y = 2
        z = 3
    elif x:
        x[0] = 1
    return
