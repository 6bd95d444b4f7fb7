# flags:
@micropython.native
def f():
    return 1
