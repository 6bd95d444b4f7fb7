# Augmented assignment to names, globals, attributes, subscripts and slices of every operator.
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 4; print(x)
x //= 5; print(x)
x /= 2; print(x)
x = 17
x %= 5; print(x)
x **= 3; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x &= 0x3C; print(x)
x |= 0x101; print(x)
x ^= 0xFF; print(x)
s = "ab"
s += "cd"
s *= 2
print(s)
l = [1]
l2 = l
l += [2, 3]
print(l, l2, l is l2)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
g = 0
def bump():
    global g
    g += 1
    g *= 10
bump(); bump()
print(g)
class C:
    n = 1
c = C()
c.n += 41
print(c.n, C.n)
d = {"k": 1}
def key():
    print("key evaluated")
    return "k"
d[key()] += 100
print(d)
arr = [1, 2, 3, 4]
arr[1:3] += [9] if False else []
arr[-1] -= 10
print(arr)
