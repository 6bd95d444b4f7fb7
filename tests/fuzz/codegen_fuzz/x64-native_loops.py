
# Loops with break, continue and else clauses in native code.


@micropython.native
def primes(limit):
    found = []
    for n in range(2, limit):
        for d in found:
            if d * d > n:
                break
            if n % d == 0:
                break
        else:
            found.append(n)
            continue
        if n > 40:
            break
    return found


@micropython.native
def countdown(n):
    out = []
    while n > 0:
        n -= 1
        if n % 3 == 0:
            continue
        out.append(n)
    else:
        out.append("done")
    return out


@micropython.native
def nested(rows, cols):
    total = 0
    for r in range(rows):
        c = 0
        while True:
            if c >= cols:
                break
            total += r * c
            c += 1
    for i in range(10, 0, -3):
        total -= i
    return total


print(primes(60))
print(countdown(10))
print(nested(4, 5))
