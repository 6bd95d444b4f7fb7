def f():
    x = 1
    del 1
