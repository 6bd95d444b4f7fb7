def f(*a, **k):
    pass
k = {}
f(**k, *k)
