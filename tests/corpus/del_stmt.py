# del of names, globals, locals, attributes, subscripts, slices and tuples of targets.
a = 1
del a
try:
    a
except NameError:
    print("a deleted")
lst = list(range(10))
del lst[0]
del lst[-1]
del lst[2:4]
print(lst)
d = {"x": 1, "y": 2, "z": 3}
del d["y"]
print(sorted(d))
class O:
    pass
o = O()
o.p = 1
o.q = 2
del o.p
print(hasattr(o, "p"), o.q)
b, c = 2, 3
del b, c
print("b" in globals(), "c" in globals())
l2 = [1, 2, 3]
d2 = {"k": 0}
del (l2[0], d2["k"])
print(l2, d2)
def local_del():
    v = 5
    del v
    try:
        return v
    except NameError:
        return "local deleted"
print(local_del())
def closure_del():
    x = 1
    def get():
        return x
    del x
    try:
        return get()
    except NameError:
        return "cell deleted"
print(closure_del())
try:
    del d["absent"]
except KeyError:
    print("KeyError on del")
e, f = 1, 2
del e, f
print("e" in globals())
