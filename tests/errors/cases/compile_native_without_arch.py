import micropython
@micropython.native
def f():
    return 1
