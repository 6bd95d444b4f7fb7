# and/or/not with short-circuiting, conditional expressions, truthiness of every kind of object.
def t(v):
    print("t", v)
    return v
print(t(0) and t(1), t(1) and t(2), t(0) or t(3), t(4) or t(5))
print(t(1) and t(0) or t(6))
print(not t([]), not t([0]))
for v in (0, 1, -1, 0.0, 0.5, "", "a", b"", (), (0,), [], {}, {0: 0}, None, 0j):
    print(repr(v), bool(v), "yes" if v else "no")
x = 5
print("big" if x > 3 else "small", "neg" if x < 0 else "zero" if x == 0 else "pos")
y = None
print(y or "default", y and y.foo, x and x + 1)
if x > 0 and x < 10 and not y:
    print("range ok")
if x < 0 or x > 3 and x != 4:
    print("or/and precedence")
while x and x > 2:
    x -= 1
print(x)
