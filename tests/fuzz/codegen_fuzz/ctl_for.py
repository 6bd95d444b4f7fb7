# for loops over ranges (all step forms), sequences, iterators; else, break, continue.
for i in range(3):
    print("r1", i)
for i in range(2, 5):
    print("r2", i)
for i in range(10, 0, -3):
    print("r3", i)
for i in range(0):
    print("never")
else:
    print("empty range else")
start, stop, step = 1, 8, 2
for i in range(start, stop, step):
    if i == 5:
        continue
    print("var range", i)
for ch in "abc":
    print(ch, end=" ")
print()
for k in {"x": 1}:
    print("key", k)
for n in [1, 2, 3, 4]:
    if n == 3:
        print("found 3")
        break
else:
    print("not printed")
for n in (1, 2):
    pass
else:
    print("for else", n)
it = iter([10, 20, 30])
for v in it:
    print("it", v)
    if v == 10:
        print("skip", next(it))
total = 0
for i in range(100):
    total += i
print(total)
for i in range(-3, 3):
    pass
print(i)
