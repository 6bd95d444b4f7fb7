import micropython
@micropython.viper
def f():
    return 1
