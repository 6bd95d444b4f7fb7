def f():
    return 1


class A:
    def m(self):
        return [1, 2


x = 1
