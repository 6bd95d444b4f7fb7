x = [i for i in range(10) if i for j in i]
y = {k: v for k, v in d}
z = {a for a in b}
w = (g for g in h)
