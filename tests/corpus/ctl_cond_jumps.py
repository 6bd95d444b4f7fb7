# Conditions the compiler turns into conditional jumps: not/and/or nesting, comparisons,
# identity/membership tests, constant sub-expressions, and conditions in while loops.
def check(a, b, c):
    r = []
    if not a and b or c:
        r.append(1)
    if not (a and b):
        r.append(2)
    if not (a or b) and not c:
        r.append(3)
    if a and (b or c) and not (a and b and c):
        r.append(4)
    if (a or b) and (b or c):
        r.append(5)
    if a is None or b is not None:
        r.append(6)
    if a in (1, 2) or b not in [0]:
        r.append(7)
    if 1 and a:
        r.append(8)
    if a or 0:
        r.append(9)
    if 0 or b:
        r.append(10)
    if a if c else b:
        r.append(11)
    if not not a:
        r.append(12)
    if a < b < c or a == c:
        r.append(13)
    return r
for args in [(0, 0, 0), (1, 0, 0), (0, 1, 0), (0, 0, 1), (1, 1, 0), (1, 2, 3), (3, 3, 1), (2, 0, 2), (5, 0, 5)]:
    print(args, check(*args))
n = 10
while not n < 3 and n % 7:
    n -= 1
print(n)
m = 0
while m < 5 or m == 7:
    m += 1
    if m == 5:
        m = 7
    elif m == 8:
        break
print(m)
x = [1]
while x and x[-1] < 4:
    x.append(x[-1] + 1)
print(x)
print(not 1 or 2, not (0 and 1), (1 and 0) or "or", 0 or 0 or "last", 1 and 2 and 3)
