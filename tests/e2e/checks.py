"""A small check collector for the end-to-end scripts: every check is reported, a failing one
does not stop the others, an exception in a test function is a failure, and the exit status
tells CTest what happened (0 pass, 1 fail, 77 skip)."""
import sys
import traceback

SKIP = 77


class Checks:
    def __init__(self, suite):
        self.suite = suite
        self.passed = 0
        self.failed = []

    def check(self, name, ok, detail=None):
        if ok:
            self.passed += 1
            print(f"  ok    {name}")
        else:
            self.failed.append(name)
            print(f"  FAIL  {name}")
            if detail is not None:
                text = detail if isinstance(detail, str) else repr(detail)
                print("        " + text[-1500:].replace("\n", "\n        "))
        sys.stdout.flush()
        return ok

    def expect_equal(self, name, got, want):
        return self.check(name, got == want, f"got  {got!r}\nwant {want!r}")

    def note(self, text):
        print(f"  note  {text}")
        sys.stdout.flush()

    def run(self, fn, *args):
        try:
            fn(self, *args)
        except Exception:
            self.check(f"{fn.__name__} ran to the end", False, traceback.format_exc())

    def skip(self, why):
        print(f"SKIP {self.suite}: {why}")
        return SKIP

    def finish(self):
        print(f"{self.suite}: {self.passed} passed, {len(self.failed)} failed")
        for name in self.failed:
            print(f"  failed: {name}")
        return 1 if self.failed else 0
