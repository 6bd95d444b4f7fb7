# flags: -msmall-int-bits=8
def f(*a):
    return a
s = [1]
f(0, 1, 2, 3, 4, 5, 6, *s)
