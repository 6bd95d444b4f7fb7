# assert with and without messages; __debug__. Compiled with -O the asserts vanish.
print("__debug__ is", __debug__)
assert True
assert 1 == 1, "never shown"
try:
    assert False
except AssertionError as e:
    print("AssertionError", e.args)
try:
    assert 1 > 2, "one is not greater"
except AssertionError as e:
    print("AssertionError", e.args)
def side():
    print("side effect evaluated")
    return False
try:
    assert side(), "msg " + str(len("abc"))
except AssertionError as e:
    print("caught", e)
if __debug__:
    print("debug branch")
else:
    print("optimised branch")
print("end")
