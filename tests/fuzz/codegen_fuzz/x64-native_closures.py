
# Closures, nonlocal and lambdas created by native functions.


@micropython.native
def counter(start):
    n = start

    def step(by=1):
        nonlocal n
        n += by
        return n

    return step


@micropython.native
def adders(k):
    return [lambda x, i=i: x + i * k for i in range(3)]


@micropython.native
def outer(a):
    @micropython.native
    def inner(b):
        return a * b

    return inner(3) + inner(4)


c = counter(10)
c()
c(5)
print(c())
print([f(100) for f in adders(2)])
print(outer(7))
