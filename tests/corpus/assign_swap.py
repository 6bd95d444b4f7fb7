# Assignment shapes that compile differently: tuple-to-tuple swaps (2 and 3 names), constant
# tuples on the right, list targets, parenthesised targets, subscript/attribute swaps.
a, b = 1, 2
a, b = b, a
print(a, b)
a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
(a, b) = (b, a)
print(a, b)
[a, b] = [b, a]
print(a, b)
a, b = [b, a]
print(a, b)
x = y = 0
x, y = y + 10, x + 20
print(x, y)
l = [1, 2, 3]
l[0], l[2] = l[2], l[0]
print(l)
class P:
    pass
p = P()
p.a, p.b = "a", "b"
p.a, p.b = p.b, p.a
print(p.a, p.b)
a, b, c, d = 1, 2, 3, 4
a, b, c, d = d, c, b, a
print(a, b, c, d)
t = 5, 6
u, v = t
print(u, v, t)
def f():
    i, j = 1, 2
    i, j = j, i
    k, m, n = 3, 4, 5
    k, m, n = n, m, k
    return i, j, k, m, n
print(f())
