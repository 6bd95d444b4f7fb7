# Scoping corner cases: class bodies are not enclosing scopes, comprehensions in classes,
# global declared in nested functions, names bound by for/with/except/import in functions.
x = "global"
class C:
    x = "class"
    def m(self):
        return x
    got = [x for _ in range(1)]
print(C().m(), C.got)
def outer():
    x = "outer"
    class D:
        y = x
        x = "D"
        def m(self):
            return x
    return D.y, D.x, D().m()
print(outer())
def binders():
    for a in range(2):
        pass
    try:
        raise KeyError
    except KeyError as b:
        pass
    with open_cm() as c:
        pass
    import sys as d
    return a, "b" in dir(), c, d.__name__
class open_cm:
    def __enter__(self):
        return "cm"
    def __exit__(self, *a):
        return False
print(binders())
def deep_global():
    def set_it():
        global made_deep
        made_deep = "deep"
    set_it()
deep_global()
print(made_deep)
def shadow_builtin():
    len = lambda v: -1
    return len([1, 2])
print(shadow_builtin(), len([1, 2]))
def param_cell(p):
    def get():
        return p
    p = p * 2
    return get()
print(param_cell(4))
