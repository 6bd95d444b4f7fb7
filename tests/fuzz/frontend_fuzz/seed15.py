@micropython.native
@deco(1, k=2)
def g(): yield from h()
