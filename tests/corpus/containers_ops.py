# list, dict, set, tuple methods and operators.
l = [3, 1, 2]
l.append(4); l.extend([5, 6]); l.insert(0, 0); l.remove(3)
print(l, l.pop(), l.pop(0), l.index(2), l.count(1))
l.sort(); print(l)
l.sort(reverse=True); print(l)
l.reverse(); print(l, l * 2, l + [9], [1, 2] == [1, 2])
c = l.copy(); c.clear(); print(c, l)
d = {"a": 1}
d["b"] = 2
d.update({"c": 3}, d=4)
print(sorted(d.keys()), sorted(d.values()), d.get("z"), d.get("z", 0), d.pop("a"), d.setdefault("e", 5))
print(sorted(d.items()), "b" in d, len(d), d.popitem() is not None)
d2 = dict.fromkeys(["x", "y"], 0)
print(sorted(d2.items()))
s = {1, 2, 3}
s.add(4); s.discard(1); s.remove(2)
print(sorted(s), sorted(s | {9}), sorted(s & {3, 9}), sorted(s - {3}), sorted(s ^ {4, 5}))
print({1, 2} <= {1, 2, 3}, {1} < {1}, {1, 2}.isdisjoint({3}), sorted({1, 2}.union([5])))
t = (1, 2, 2, 3)
print(t.count(2), t.index(3), t + (4,), t * 2, t[1:3], 2 in t, len(t))
nested = {"k": [1, {"inner": (2, 3)}]}
print(nested["k"][1]["inner"][1])
