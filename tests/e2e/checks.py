"""A small check collector for the end-to-end scripts: every check is reported, a failing one
does not stop the others, an exception in a test function is a failure, and the exit status
tells CTest what happened (0 pass, 1 fail, 77 skip).  main() is the main() of every end-to-end
script: its command line, its skips, its temporary folders and its exit status."""
import argparse
import os
import shutil
import sys
import tempfile
import traceback

SKIP = 77
# A test's argument naming a fresh temporary folder, removed when the test returns (see main()).
SCRATCH = "scratch"


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


def main(suite, tests, *, boards=False, mpr=True, options=(), requires=None):
    """The main() of an end-to-end script, returning its exit status: sys.exit(checks.main(...)).

    The command line: --mpr PATH (made absolute: some tests run mpr from another folder) unless
    mpr=False; with boards, --board-pty PATH, --board NAME (one of `tests`' keys) and --unix-port
    PATH; then the script's own `options`, each a (flag, argparse keywords) pair.

    `tests` are (function, argument, ...) tuples; each function is called as
    function(checks, value, ...), where an argument names an option ("mpr", "board_pty") or is
    SCRATCH, a fresh temporary folder removed after the function.  With boards, `tests` maps
    each board to its tuple and the suite is reported as "SUITE/BOARD"; without, it is a list,
    run in order.

    Exit 77 (skipped, with the reason) when the board cannot be run here (boardlib.missing_for)
    or `requires(parsed options)` gives a reason; otherwise 0 when every check passed, else 1.
    """
    ap = argparse.ArgumentParser()
    if mpr:
        ap.add_argument("--mpr", required=True, type=os.path.abspath)
    if boards:
        ap.add_argument("--board-pty", required=True)
        ap.add_argument("--board", required=True, choices=list(tests))
        ap.add_argument("--unix-port", help="MicroPython unix port binary (for --board unix)")
    for flag, keywords in options:
        ap.add_argument(flag, **keywords)
    args = ap.parse_args()
    t = Checks(f"{suite}/{args.board}" if boards else suite)
    if boards:
        from boardlib import missing_for  # the board library is only needed by the board scripts
        why = missing_for(args.board, args.unix_port)
        if why:
            return t.skip(why)
    why = requires(args) if requires else None
    if why:
        return t.skip(why)
    for function, *names in ([tests[args.board]] if boards else tests):
        scratch = tempfile.mkdtemp(prefix=f"e2e-{suite}-") if SCRATCH in names else None
        try:
            t.run(function, *(scratch if n == SCRATCH else getattr(args, n) for n in names))
        finally:
            if scratch:
                shutil.rmtree(scratch, ignore_errors=True)
    return t.finish()
