# Slicing of lists, strings, tuples, bytes: all index forms, negative steps, slice assignment.
s = list(range(10))
print(s[2:5], s[:3], s[7:], s[:], s[::2], s[1::3], s[::-1], s[-3:], s[:-7], s[-1:-4:-1])
print(s[100:], s[-100:2], s[5:2], s[8:2:-2])
t = "abcdefgh"
print(t[1:4], t[-2:], t[3:], (1, 2, 3, 4)[1:3], b"bytes"[1:-1])
a, b, c = 1, 6, 2
print(s[a:b:c], s[a:], s[:b], s[::c], s[a:b])
r = s[:]
r[2:4] = ["x", "y", "z"]
print(r)
r[1:3] = [0] * len(r[::2])
print(r)
r[:] = []
print(r)
class Grab:
    def __getitem__(self, k):
        return k
sl = Grab()[1:8:3]
print(s[sl], sl.start, sl.stop, sl.step)
class Sliceable:
    def __getitem__(self, k):
        return k
o = Sliceable()
print(o[1:2], o[::], o[1:2:3], o[:, 1], o[1, 2:3])
m = [[1, 2, 3], [4, 5, 6]]
print(m[1][1:], m[-1][::-1][0])
print(range(10)[2:8:2], list(range(10)[::-3]))
