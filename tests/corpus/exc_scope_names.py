# Scope names as tracebacks print them: <module>, functions, methods, <lambda>, <listcomp>,
# <dictcomp>, <setcomp>, <genexpr>, generators, closures, nested classes' methods.
import sys
def show(f):
    try:
        f()
    except Exception as e:
        sys.print_exception(e)
def boom(x):
    return 1 // x
show(lambda: boom(0))
show(lambda: [boom(x) for x in (1, 0)])
show(lambda: {x: boom(x) for x in (1, 0)})
show(lambda: {boom(x) for x in (1, 0)})
show(lambda: list(boom(x) for x in (1, 0)))
def gen():
    yield boom(0)
show(lambda: next(gen()))
def outer():
    v = 0
    def inner_closure():
        return boom(v)
    return inner_closure()
show(outer)
class Outer:
    class Inner:
        def method(self):
            return boom(0)
show(lambda: Outer.Inner().method())
class WithInit:
    def __init__(self):
        boom(0)
show(WithInit)
def deep(n):
    if n == 0:
        return boom(0)
    return deep(n - 1)
show(lambda: deep(3))
