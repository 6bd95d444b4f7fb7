def f(**k):
    pass
class A:
    pass
a = A()
f(a.b=1)
