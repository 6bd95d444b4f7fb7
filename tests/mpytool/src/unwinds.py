# break / continue / return leaving try-finally and with blocks: the UNWIND_JUMP paths that
# `mpytool verify` follows (tests/mpytool: every reference-compiled file must verify).
class Ctx:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        print("exit", exc[0])


def forever():
    while True:
        try:
            break
        finally:
            print("finally")
    return "after the loop"


def with_break(items):
    for i in items:
        with Ctx():
            if i == 2:
                break
            if i == 0:
                continue
    return i


def nested(n):
    while n:
        try:
            try:
                n -= 1
                if n == 1:
                    break
            finally:
                print("inner", n)
                try:
                    if n == 3:
                        continue
                finally:
                    print("inner finally", n)
        finally:
            print("outer", n)
    return n


def return_in_finally():
    try:
        raise ValueError
    finally:
        try:
            raise TypeError
        finally:
            return 42


print(forever(), with_break([0, 1, 2, 3]), nested(5), return_in_finally())
