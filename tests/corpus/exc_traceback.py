# Tracebacks printed with sys.print_exception: exercises line numbers of every frame.
import sys
def level3(x):
    return 10 // x
def level2(x):
    y = x - 1
    return level3(y)
def level1(x):
    return level2(x)
try:
    level1(1)
except ZeroDivisionError as e:
    sys.print_exception(e)
class Thing:
    def method(self):
        d = {}
        return d["key"]
try:
    Thing().method()
except KeyError as e:
    sys.print_exception(e)
def gen():
    yield 1
    raise ValueError("from generator")
try:
    for v in gen():
        pass
except ValueError as e:
    sys.print_exception(e)
f = lambda: [].pop()
try:
    f()
except IndexError as e:
    sys.print_exception(e)
def multi_line_call(a,
                    b):
    return a + \
        b
try:
    multi_line_call(1,
                    "x")
except TypeError as e:
    sys.print_exception(e)
try:
    try:
        raise OSError("first")
    except OSError:
        raise RuntimeError("second")
except RuntimeError as e:
    sys.print_exception(e)
