# Exception variables captured by closures (cells deleted when the handler ends), handlers in
# loops and generators, with-targets that are attributes, subscripts and tuples.
def captured():
    try:
        raise ValueError("captured")
    except ValueError as e:
        get = lambda: e
        print("inside handler:", get())
    try:
        return get()
    except NameError:
        return "cell cleared after handler"
print(captured())
def handler_in_loop():
    out = []
    for i in range(3):
        try:
            if i % 2:
                raise KeyError(i)
            out.append(i)
        except KeyError as err:
            out.append(("caught", err.args[0]))
            continue
        finally:
            out.append("f%d" % i)
    return out
print(handler_in_loop())
class CM:
    def __init__(self, v):
        self.v = v
    def __enter__(self):
        return self.v
    def __exit__(self, *a):
        return False
class Box:
    pass
b = Box()
d = {}
with CM(1) as b.attr, CM(2) as d["key"], CM((3, 4)) as (x, y):
    print(b.attr, d["key"], x, y)
def gen_handler():
    for v in (1, 0, 2):
        try:
            yield 10 // v
        except ZeroDivisionError as zde:
            yield type(zde).__name__
print(list(gen_handler()))
def aug_targets():
    class O:
        n = 1
    o = O()
    def get():
        print("get() evaluated once")
        return o
    get().n += 10
    lst = [1, 2, 3, 4]
    lst[1:3] += [9]
    return o.n, lst
print(aug_targets())
first, *rest_box = "abc"
holder = [None]
holder[0], *Box.items = 1, 2, 3
print(first, rest_box, holder, Box.items)
