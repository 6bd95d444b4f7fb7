# Small statements: pass, semicolons, line continuations, global at module level, empty bodies,
# docstrings in modules/functions/classes, ellipsis, expression statements, nested parens.
"""Module docstring."""
global module_level_global
module_level_global = 1; print("semicolons"); x = 2
y = 1 + \
    2 + \
    3
z = (1 +
     2) * [
    3,
    4,
][1]
print(x, y, z, module_level_global)
def f():
    """Function docstring."""
    pass
def g(): return "one-liner"
class K: "class docstring"; attr = 1
print(f(), g(), K.attr)
for _ in range(2): pass
while False: pass
if True: pass
...
None
42
"an expression statement"
def body_ellipsis():
    ...
print(body_ellipsis(), Ellipsis is ..., type(...).__name__)
print(((((1)))), ((1,),), [((2))])
lst = [
    1,
    2,  # trailing comma
]
dct = {
    "a": 1,
    "b": 2,
}
print(lst, sorted(dct))
def trailing(a, b,):
    return a + b
print(trailing(1, 2,))
