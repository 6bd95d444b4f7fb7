# Control flow through finally: return, break and continue inside try bodies and finally blocks.
def ret_in_try():
    try:
        return "from try"
    finally:
        print("finally runs before return")
print(ret_in_try())
def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"
print(finally_overrides())
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally swallowed exception"
print(swallow())
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)
def nested():
    out = []
    for i in range(3):
        try:
            try:
                if i == 1:
                    continue
                out.append(i)
            finally:
                out.append("inner%d" % i)
        finally:
            out.append("outer%d" % i)
    return out
print(nested())
def while_break():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                break
        finally:
            print("wf", n)
    return n
print(while_break())
def return_in_loop():
    for x in "abc":
        try:
            for y in range(3):
                try:
                    if y == 1:
                        return x, y
                finally:
                    print("inner finally", x, y)
        finally:
            print("outer finally", x)
print(return_in_loop())
def with_except():
    try:
        try:
            1 / 0
        finally:
            print("cleanup before handler")
    except ZeroDivisionError:
        return "handled"
print(with_except())
