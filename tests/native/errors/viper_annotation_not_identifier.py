# flags: -march=x64
@micropython.viper
def f(x: int, y: List[int]):
    a = 1
    b = 2
