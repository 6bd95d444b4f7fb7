
# A whole module compiled with -X emit=native: module body, functions, classes, comprehensions.
import sys

CONST = 3


def scale(values, factor=CONST):
    return [v * factor for v in values]


class Acc:
    def __init__(self):
        self.items = []

    def add(self, *vs):
        self.items.extend(vs)
        return self

    def total(self):
        t = 0
        for x in self.items:
            t += x
        return t


def gen(n):
    for i in range(n):
        if i == 3:
            continue
        yield i


acc = Acc().add(1, 2).add(*scale([4, 5]))
print(acc.items, acc.total())
print(list(gen(6)))
try:
    {}["missing"]
except KeyError as e:
    print("KeyError", e)
print(type(sys.implementation.name))
