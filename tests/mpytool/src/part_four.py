# Fourth part: fails on purpose, so the traceback shows whether line numbers survived merging.
def check(value):
    if value > 2:
        raise ValueError("value too big: %d" % value)
    return value


print(check(1))
print(check(5))
