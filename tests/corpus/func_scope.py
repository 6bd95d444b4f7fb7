# global and nonlocal declarations, shadowing, and name resolution across scopes.
x = "global x"
def read_global():
    return x
def shadow():
    x = "local x"
    return x
def write_global():
    global x
    x = "changed"
print(read_global(), shadow(), x)
write_global()
print(x)
def new_global():
    global created
    created = 123
new_global()
print(created)
def nl():
    a = 1
    def mid():
        nonlocal a
        a += 10
        def inner():
            nonlocal a
            a *= 2
        inner()
    mid()
    return a
print(nl())
def unbound():
    try:
        print(y)
        y = 1
    except NameError as e:
        print("NameError-ish:", type(e).__name__)
unbound()
def del_global():
    global created
    del created
del_global()
print("created" in globals())
y = 5
def uses_both():
    global y
    z = y
    def f():
        return z + y
    return f()
print(uses_both())
