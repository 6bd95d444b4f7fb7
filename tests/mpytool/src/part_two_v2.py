# Variant of part_two.py for mpytool diff: one constant changed, one branch added, lines shifted.

# Second part: its qstr/constant indices are rebased when merged; jumps of every kind.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    kinds = []
    for d in (2, 3, 7):
        if n % d == 0:
            kinds.append(d)
    if n > 100:
        return "huge"
    return kinds or "other"


big = 2**80 + 7
print([classify(v) for v in (-4, 0, 7, 30)], big % 97, 1.25 * 4)
