# Recursion: factorial with big ints, mutual recursion, recursive generators, depth.
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(10), fact(30))
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(10), is_odd(7), is_even(3))
def fib(n, memo={}):
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]
print([fib(i) for i in range(15)], fib(80))
def walk(tree):
    if isinstance(tree, list):
        for t in tree:
            yield from walk(tree=t)
    else:
        yield tree
print(list(walk([1, [2, [3, [4]], 5], [[6]]])))
def hanoi(n, a="A", b="B", c="C"):
    if n == 0:
        return 0
    return hanoi(n - 1, a, c, b) + 1 + hanoi(n - 1, c, b, a)
print(hanoi(6))
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(50))
