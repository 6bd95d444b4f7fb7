# Deeply nested loops mixing for/while with break/continue at each level.
result = []
for a in range(3):
    for b in range(3):
        if b == a:
            continue
        c = 0
        while c < 3:
            c += 1
            if c == 2:
                continue
            if a + b + c > 4:
                break
            result.append((a, b, c))
        else:
            result.append("w")
    if a == 1:
        result.append("mid")
print(result)
def find(grid, target):
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            if v == target:
                return r, c
    return None
g = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(find(g, 6), find(g, 10))
count = 0
for i in range(5):
    for j in range(5):
        for k in range(5):
            if (i + j + k) % 4 == 0:
                count += 1
print(count)
