# flags: -march=x64
@micropython.viper
def f(x: str) -> None:
    a = 1
    b = 2
