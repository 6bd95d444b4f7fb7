# flags: -march=x64
def g(*a):
    return a


@micropython.viper
def f(x: int):
    g(1,
      2,
      x[0],
      3)
