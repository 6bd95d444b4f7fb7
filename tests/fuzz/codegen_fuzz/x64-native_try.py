
# Exceptions in native code: try/except/else/finally, raise, re-raise, return from finally.


class MyError(Exception):
    pass


@micropython.native
def classify(v):
    try:
        if v == 0:
            raise MyError("zero")
        r = 10 // v
    except MyError as e:
        return "mine:" + str(e)
    except (ZeroDivisionError, TypeError):
        return "builtin"
    else:
        return r
    finally:
        log.append(v)


@micropython.native
def reraise():
    try:
        try:
            [][1]
        except IndexError as exc:
            log.append("inner")
            raise exc
    except Exception as e:
        return type(e).__name__


@micropython.native
def finally_wins():
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            log.append("f%d" % i)
    try:
        return "try"
    finally:
        log.append("cleanup")


@micropython.native
def chain():
    try:
        raise ValueError("a")
    except ValueError as e:
        try:
            raise KeyError("b")
        except KeyError as k:
            return repr(k)


log = []
print(classify(2), classify(0), classify("x"))
print(reraise(), finally_wins(), chain())
print(log)
