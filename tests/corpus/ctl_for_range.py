# for-in-range loops the compiler turns into counters (name target, positional args, constant
# non-zero step) and the ones it does not (attribute/subscript targets, star args, variable or
# zero step, keyword range), with break/continue/else in each.
def r(*a):
    out = []
    for i in range(*a):
        out.append(i)
    return out
print(r(4), r(2, 5), r(5, 2, -1), r(0, 10, 3), r(3, 3))
n = 5
for i in range(n):
    if i == 3:
        break
else:
    print("never")
print("broke at", i)
for i in range(1, n, 2):
    continue
else:
    print("else after", i)
for i in range(n, 0, -2):
    print("down", i)
step = 2
for i in range(0, 6, step):
    print("var step", i)
class T:
    pass
t = T()
for t.x in range(2):
    print("attr target", t.x)
arr = [0, 0]
for arr[1] in range(3):
    pass
print("subscript target", arr)
for i in range(-3, -6, -1):
    print("neg", i)
try:
    for i in range(0, 5, 0):
        pass
except ValueError:
    print("zero step ValueError")
total = 0
for i in range(10):
    for j in range(i, 10, 3):
        if j == 7:
            break
        total += j
    else:
        total += 100
print(total)
for i in range(2 ** 40, 2 ** 40 + 2):
    print("big", i)
for i in range(3):
    def cl():
        return i
print(cl())
# range calls the counter-loop form must NOT take: star/keyword arguments, a bare generator
# expression argument.
for x in range(*(1, 3)):
    print("star", x)
for x in range(1, *(6, 2)):
    print("star2", x)
for args in ({"end": 1}, {}):
    try:
        for x in range(**args):
            print(x)
    except TypeError:
        print("TypeError for **", sorted(args))
try:
    for x in range(0, 1, step=1):
        print(x)
except TypeError:
    print("TypeError for keyword")
try:
    for x in range(0 for i in []):
        print(x)
except TypeError:
    print("TypeError for generator argument")
