# try/except/else/finally: matching by class, tuple, base class; bare except; re-raise; as names.
def attempt(v):
    try:
        r = 10 // v
    except ZeroDivisionError:
        print("zero")
    except (TypeError, ValueError) as e:
        print("type or value", type(e).__name__)
    else:
        print("ok", r)
    finally:
        print("finally", v)
attempt(2)
attempt(0)
attempt("s")
try:
    [][1]
except LookupError as e:
    print("LookupError base caught", type(e).__name__)
try:
    {}["missing"]
except Exception as e:
    print("Exception caught", type(e).__name__, e)
try:
    raise RuntimeError
except:
    print("bare except")
try:
    try:
        raise ValueError("inner")
    except ValueError:
        print("handling, re-raising")
        raise
except ValueError as e:
    print("outer got", e)
e = "still here"
try:
    raise OSError(5, "io")
except OSError as e:
    print(e.args, e.errno if hasattr(e, "errno") else "")
try:
    print(e)
except NameError:
    print("exception name deleted after handler")
try:
    pass
except Exception:
    print("never")
else:
    print("else without exception")
try:
    raise StopIteration
except StopIteration:
    print("StopIteration is catchable")
def typed():
    try:
        int("nope")
    except ValueError as err:
        return "converted error: " + str(err)
print(typed())
