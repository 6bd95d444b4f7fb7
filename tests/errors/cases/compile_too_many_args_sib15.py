# flags: -msmall-int-bits=15
def f(*a):
    return a
s = [1]
f(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, *s)
