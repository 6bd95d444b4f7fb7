# Chained assignment to names, attributes and subscripts; evaluation order.
a = b = c = 5
print(a, b, c)
x = y = []
x.append(1)
print(y, x is y)
class N:
    pass
n = N()
lst = [0, 0, 0]
d = {}
n.attr = lst[1] = d["k"] = v = "shared"
print(n.attr, lst, d, v)
i = lst[i] = 2
print(i, lst)
p, q = r = (1, 2)
print(p, q, r)
lst[0:2] = lst[1:3] = [7, 8]
print(lst)
def order(tag, val):
    print("eval", tag)
    return val
store = {}
store[order("key", "k")] = order("value", 1)
print(store)
