def f(*a, **k):
    pass
f(**{}, 1)
