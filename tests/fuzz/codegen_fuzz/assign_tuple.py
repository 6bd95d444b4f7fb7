# Tuple and list unpacking, nested targets, swaps, unpacking from iterators and strings.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
a, b, c = b, c2, a = 7, 8, 9
print(a, b, c, c2)
(x, y), z = (1, 2), 3
print(x, y, z)
[p, q] = "pq"
print(p, q)
[m, (n, [o, r])] = [1, (2, [3, 4])]
print(m, n, o, r)
i, j, k = range(3)
print(i, j, k)
d = {}
d["a"], d["b"] = 10, 20
print(sorted(d.items()))
class O:
    pass
obj = O()
obj.u, obj.v = "u", "v"
print(obj.u, obj.v)
lst = [0, 0, 0]
lst[0], lst[2] = lst[2] + 5, 6
print(lst)
for (s, (t, u)) in [(1, (2, 3)), (4, (5, 6))]:
    print(s + t + u)
try:
    a, b = 1, 2, 3
except ValueError as e:
    print("ValueError", e)
try:
    a, b, c = (1, 2)
except ValueError as e:
    print("ValueError", e)
