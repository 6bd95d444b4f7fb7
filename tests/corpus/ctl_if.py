# if/elif/else chains, nested ifs, constant conditions the compiler drops, pass bodies.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        if n % 2:
            return "small odd"
        else:
            return "small even"
    elif n < 100:
        pass
    else:
        return "large"
    return "medium"
for v in (-5, 0, 3, 4, 50, 500):
    print(v, classify(v))
if 0:
    print("never")
if 1:
    print("always")
if False:
    print("never")
elif True:
    print("elif True")
else:
    print("never")
if None:
    print("never")
else:
    print("None is false")
if "":
    pass
elif ():
    pass
else:
    print("empty is false")
x = 3
if x: print("one-line if")
if not x: print("no")
else: print("one-line else")
