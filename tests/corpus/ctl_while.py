# while loops: else clauses, break, continue, infinite loops with break, constant conditions.
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print("i", i)
else:
    print("while else ran", i)
j = 0
while j < 10:
    if j == 3:
        break
    j += 1
else:
    print("not printed")
print("j", j)
k = 0
while True:
    k += 1
    if k > 4:
        break
print("k", k)
while 0:
    print("never")
while False:
    pass
else:
    print("else of while False")
n = 3
while n:
    n -= 1
    m = 0
    while m < n:
        m += 1
        if m == 2:
            break
    else:
        print("inner else", n, m)
        continue
    print("inner broke", n, m)
