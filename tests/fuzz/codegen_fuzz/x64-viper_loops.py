
# Viper control flow: while/for loops with break and continue, nested conditions, long bodies.


@micropython.viper
def collatz(n: int) -> int:
    steps = 0
    while n != 1:
        if n & 1:
            n = 3 * n + 1
        else:
            n = n >> 1
        steps += 1
    return steps


@micropython.viper
def search(buf: ptr8, n: int, want: int) -> int:
    i = 0
    for i in range(n):
        if buf[i] == want:
            break
    else:
        return -1
    return i


@micropython.viper
def skip_odd(n: int) -> int:
    total = 0
    i = 0
    while i < n:
        i += 1
        if i & 1:
            continue
        total += i
    return total


@micropython.viper
def long_body(n: int) -> int:
    a = 0
    b = 1
    c = 2
    while n > 0:
        a = a + b * c
        b = b + c * a
        c = c + a * b
        a = a & 0xFFFF
        b = b & 0xFFFF
        c = c & 0xFFFF
        a = a ^ (b >> 3)
        b = b ^ (c >> 2)
        c = c ^ (a >> 1)
        a = a + 1
        b = b + 2
        c = c + 3
        n -= 1
    return a + b + c


print(collatz(27), collatz(97))
print(search(b"hello world", 11, ord("w")), search(b"abc", 3, ord("z")))
print(skip_odd(10))
print(long_body(20))
