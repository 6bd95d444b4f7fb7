x = 1
g = lambda: (yield)
h = lambda: [y for y in range(2)]
class C:
    return 2
