import micropython
@micropython.whatever
def f():
    return 1
