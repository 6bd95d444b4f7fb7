# flags: -march=x64
@micropython.viper
def f(x: int):
    y = [1,
         2,
         x + None]
