# Third part: exceptions, with-statements and a long function whose jumps need two bytes.
class Ctx:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, *a):
        print("exit", a[0] is not None)
        return True


def long_function(n):
    acc = 0
    i = 0
    while i < n:
        acc += i * 3 + 1
        acc -= i // 2
        acc ^= i << 1
        acc |= i & 7
        acc += len(str(i)) + len(repr(i)) + len(hex(i)) + len(oct(i)) + len(bin(i))
        acc += abs(i - 50) + min(i, 3) + max(i, 4) + sum([i, i, i]) + pow(i, 2, 7)
        acc -= len([i, i + 1, i + 2, i + 3]) + len((i, i)) + len({i: i}) + len({i})
        acc += int(str(i * 2)) + int(float(i)) + round(i / 3) + divmod(i + 9, 4)[1]
        i += 1
    return acc


with Ctx():
    raise ValueError("swallowed")
try:
    print(long_function(100))
except ZeroDivisionError:
    print("no")
