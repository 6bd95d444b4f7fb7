def f():
    del 1
