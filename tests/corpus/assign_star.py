# Star unpacking in assignment targets and loops.
a, *b = [1, 2, 3, 4]
print(a, b)
*a, b = (1, 2, 3, 4)
print(a, b)
a, *b, c = range(6)
print(a, b, c)
a, *b, c = 1, 2
print(a, b, c)
[x, *rest] = "hello"
print(x, rest)
(p, *q), r = [1, 2, 3], 4
print(p, q, r)
for first, *others in [(1, 2, 3), (4,), (5, 6)]:
    print(first, others)
def gen():
    yield from range(5)
h, *t = gen()
print(h, t)
*all_of_it, = [7, 8, 9]
print(all_of_it)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError", e)
