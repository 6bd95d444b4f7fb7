def f(y):
    async for x in y:
        pass
