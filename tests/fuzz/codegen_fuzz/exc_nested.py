# Nested handlers, exceptions raised inside except and finally blocks, re-raising later,
# exceptions escaping loops and with-blocks, and exception objects kept after handlers.
def f(mode):
    try:
        try:
            if mode == 0:
                raise KeyError("k")
            if mode == 1:
                raise IndexError("i")
            return "no error"
        except KeyError:
            raise ValueError("from handler")
        finally:
            print("inner finally", mode)
    except ValueError as e:
        return "outer caught " + str(e)
    except IndexError as e:
        return "outer caught index " + str(e)
for m in range(3):
    print(f(m))
saved = None
try:
    raise TypeError("kept")
except TypeError as e:
    saved = e
print(type(saved).__name__, saved.args)
def reraise_later():
    try:
        1 / 0
    except ZeroDivisionError as e:
        err = e
    raise err
try:
    reraise_later()
except ZeroDivisionError as e:
    print("reraised", e)
def finally_raises():
    try:
        raise KeyError("original")
    finally:
        raise RuntimeError("replaced")
try:
    finally_raises()
except RuntimeError as e:
    print("finally raised", e)
for i in range(3):
    try:
        if i == 1:
            raise StopIteration
    except StopIteration:
        print("caught in loop", i)
        continue
    print("loop", i)
try:
    for i in range(10):
        if i == 2:
            raise ValueError(i)
except ValueError as e:
    print("left the loop at", e.args[0])
