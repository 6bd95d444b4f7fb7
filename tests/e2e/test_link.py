"""mpr's link with the board (issue #11): auto-reconnect after `reset`/`bootloader`, boards that
print in the background, and deflate-compressed file transfers.

  reset      `reset + exec "print(1)"` prints 1 (the board restarted: a variable is gone), the
             same after `bootloader` where the board comes back as MicroPython.
  background a program that prints every few ms and ignores the first Ctrl-Cs (as an aiorepl
             loop or a timer keeps a board busy): exec and fs cp still work; a program that
             never stops gets a clear error naming what it printed.
  compress   a 100 KB text file goes to the board deflated (the trace shows the inflating program) and
             arrives byte-identical (sha256 computed by a separate exec on the board, not by
             mpr's verify); a download the same way where the board can compress; random
             bytes go uncompressed; --no-compress turns it off; a board without deflate (the
             micro:bit) still gets its files.
"""
import hashlib
import os
import random
import re
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from boardlib import MicrobitBoard, SimBoard, UnixBoard, temp_dir  # noqa: E402
import checks  # noqa: E402
from mprlib import Mpr, failed, ok, show  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def sample_text(size):
    """Real text: this folder's Python sources, repeated up to `size` bytes."""
    parts = []
    for name in sorted(os.listdir(HERE)):
        if name.endswith(".py"):
            with open(os.path.join(HERE, name), "rb") as f:
                parts.append(f.read())
    text = b"".join(parts)
    while len(text) < size:
        text += text
    return text[:size]


# What mpr's trace (MPR_DEBUG=1) shows it sending: "[mpr  0.029 >] CODE", newlines as \n.  A program
# is recognised by how it starts, never by a substring anywhere in the trace: the trace also shows
# the files going both ways, and this test's own source is part of the sample text.
INFLATE_UPLOAD = r"import deflate\\n_n=0\\n"
DEFLATE_DOWNLOAD = r"(from u?binascii import b2a_base64 as _e\\n)?import deflate,io\\n"


def sent_program(trace, start):
    return any(re.match(r"\[mpr +[0-9.]+ >\] " + start, line) for line in trace.splitlines())


def board_sha256(m, path):
    """The board's own sha256 of `path`, by an exec of ours."""
    p = m.run("exec", f"import hashlib,binascii\nh=hashlib.sha256()\nwith open({path!r},'rb') as f:\n"
              " while 1:\n  b=f.read(1024)\n  if not b:break\n  h.update(b)\n"
              "print(binascii.hexlify(h.digest()).decode())")
    return p.out.strip() if ok(p) else f"<exec failed: {show(p)}>"


def test_reset(t, m, label):
    p = m.run("exec", "x = 1", "+", "resume", "eval", "'x' in globals()")
    t.check(f"{label} reset: setup (a variable)", ok(p) and p.out == "True\n", show(p))
    p = m.run("resume", "exec", "x = 1", "+", "reset", "+", "exec", "print(1)", "+", "eval", "'x' in globals()")
    t.check(f"{label} reset + exec print(1): prints 1, and the board restarted (variable gone)",
            ok(p) and p.out == "1\nFalse\n", show(p))
    p = m.run("bootloader", "+", "eval", "6*7")
    t.check(f"{label} bootloader + eval: the board came back", ok(p) and p.out == "42\n", show(p))
    p = m.run("exec", "--no-follow", "import machine\nmachine.reset()", "+", "fs", "ls", ":")
    t.check(f"{label} exec machine.reset() by hand + fs ls", ok(p) and p.out.startswith("ls :"), show(p))


# Prints every 3 ms and ignores the first IGNORE KeyboardInterrupts (a board busy in the
# background); IGNORE < 0: never stops.
PRINTER = """import time
_n = 0
_ignore = {ignore}
while True:
    try:
        print('tick', _n)
        _n += 1
        time.sleep_ms(3)
    except KeyboardInterrupt:
        if _ignore == 0:
            raise
        _ignore -= 1
        print('ignored a Ctrl-C')
"""


def test_background(t, m, label, tmp, start_printer):
    start_printer(PRINTER.format(ignore=3))
    time.sleep(0.5)
    p = m.run("exec", "print('hello')")
    t.check(f"{label} background printer (ignores 3 Ctrl-C): exec works", ok(p) and p.out == "hello\n", show(p))
    start_printer(PRINTER.format(ignore=3))
    time.sleep(0.5)
    src = os.path.join(tmp, "bg.txt")
    with open(src, "wb") as f:
        f.write(b"background\n" * 50)
    p = m.run("fs", "cp", src, ":bg.txt", "+", "exec", "print(open('bg.txt').read() == 'background\\n' * 50)")
    t.check(f"{label} background printer: fs cp works", ok(p) and p.out.endswith("True\n"), show(p))


def test_stubborn(t, m, label, start_printer):
    start_printer(PRINTER.format(ignore=-1))
    time.sleep(0.5)
    p = m.run("exec", "print('hello')", timeout=120)
    t.check(f"{label} a program that never stops: exit 1, says what the board printed",
            failed(p) and "could not enter the raw REPL" in p.err and "tick " in p.err, show(p))


def test_compress(t, m, label, tmp, can_compress):
    text = sample_text(100_000)
    src = os.path.join(tmp, "big.txt")
    with open(src, "wb") as f:
        f.write(text)
    p = m.run("fs", "cp", src, ":big.txt", env={"MPR_DEBUG": "1"}, timeout=180)
    t.check(f"{label} compress: 100 KB text cp to the board: exit 0", ok(p), show(p))
    t.check(f"{label} compress: the deflated path was taken (the inflating program in the trace)",
            sent_program(p.err, INFLATE_UPLOAD), p.err[-300:])
    t.expect_equal(f"{label} compress: board's sha256 (separate exec) == host's", board_sha256(m, "big.txt"),
                   hashlib.sha256(text).hexdigest())
    p = m.run("exec", "import os\nprint([n for n in os.listdir() if n.startswith('big.txt.')])")
    t.check(f"{label} compress: no temporary left", ok(p) and p.out == "[]\n", show(p))

    back = os.path.join(tmp, "back.txt")
    p = m.run("fs", "cp", ":big.txt", back, env={"MPR_DEBUG": "1"}, timeout=180)
    t.check(f"{label} compress: cp from the board: exit 0, identical",
            ok(p) and open(back, "rb").read() == text, show(p))
    t.check(f"{label} compress: download deflated exactly when the board can compress and has a native "
            f"b2a_base64 ({'yes' if can_compress else 'no'})", sent_program(p.err, DEFLATE_DOWNLOAD) == can_compress, p.err[-300:])

    blob = random.Random(5).randbytes(20_000)
    bsrc = os.path.join(tmp, "blob.bin")
    with open(bsrc, "wb") as f:
        f.write(blob)
    p = m.run("fs", "cp", bsrc, ":blob.bin", env={"MPR_DEBUG": "1"}, timeout=180)
    t.check(f"{label} compress: random bytes go uncompressed", ok(p) and not sent_program(p.err, INFLATE_UPLOAD),
            show(p))
    t.expect_equal(f"{label} compress: random bytes identical (board sha256)", board_sha256(m, "blob.bin"),
                   hashlib.sha256(blob).hexdigest())
    p = m.run("fs", "cp", ":blob.bin", back, env={"MPR_DEBUG": "1"}, timeout=180)
    t.check(f"{label} compress: random bytes back identical", ok(p) and open(back, "rb").read() == blob, show(p))

    small = text[:20_000]
    with open(src, "wb") as f:
        f.write(small)
    p = Mpr(m.path, m.connect, ["--no-compress"] + m.extra).run("fs", "cp", src, ":small.txt", env={"MPR_DEBUG": "1"})
    t.check(f"{label} --no-compress: text goes uncompressed", ok(p) and not sent_program(p.err, INFLATE_UPLOAD),
            show(p))
    t.expect_equal(f"{label} --no-compress: identical", board_sha256(m, "small.txt"), hashlib.sha256(small).hexdigest())


def run_sim(t, mpr, board_pty):
    tmp = temp_dir("e2e-link-sim-")
    try:
        with SimBoard(board_pty, os.path.join(tmp, "state")) as b:
            m = Mpr(mpr, ["connect", b.path])
            test_reset(t, m, "sim")
            # The sim can compress, but its binascii is Python (far too slow): downloads go as before.
            test_compress(t, m, "sim", tmp, can_compress=False)

            def main_py_printer(code):
                # The sim runs main.py after a hard reset, as a board after power-on.
                with open(os.path.join(tmp, "main.py"), "w") as f:
                    f.write(code)
                p = m.run("fs", "cp", os.path.join(tmp, "main.py"), ":main.py", "+", "reset")
                t.check("sim: main.py printer installed, board reset", ok(p), show(p))

            test_background(t, m, "sim", tmp, main_py_printer)
            # (A main.py that never stops is not tried here: the sim board restarts code that
            # keeps ignoring Ctrl-C, see remote/sim/README.md; the unix board has that check.)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run_unix(t, mpr, board_pty, unix_port):
    tmp = temp_dir("e2e-link-unix-")
    try:
        with UnixBoard(board_pty, unix_port, sigint=True) as b:
            m = Mpr(mpr, ["connect", b.path])
            test_reset(t, m, "unix")
            # The standard build has deflate without compression; the coverage build can
            # compress and has a native binascii: asked here, apart from mpr's own probe.
            p = m.run("exec", "import deflate,binascii\n"
                      "print(hasattr(deflate.DeflateIO,'write') and not hasattr(binascii,'__file__'))")
            t.check("unix: the board says whether it can compress", ok(p) and p.out in ("True\n", "False\n"), show(p))
            test_compress(t, m, "unix", tmp, can_compress=p.out == "True\n")

            def exec_printer(code):
                p = m.run("exec", "--no-follow", code)
                t.check("unix: printer started", ok(p), show(p))

            test_background(t, m, "unix", tmp, exec_printer)
            test_stubborn(t, m, "unix", exec_printer)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run_microbit(t, mpr, board_pty):
    tmp = temp_dir("e2e-link-microbit-")
    try:
        with MicrobitBoard(board_pty) as b:
            m = Mpr(mpr, ["connect", b.path], timeout=180)
            text = sample_text(3000)
            src = os.path.join(tmp, "t.txt")
            with open(src, "wb") as f:
                f.write(text)
            p = m.run("fs", "cp", src, ":t.txt", env={"MPR_DEBUG": "1"})
            t.check("microbit (no deflate): text cp works, uncompressed", ok(p) and not sent_program(p.err, INFLATE_UPLOAD), show(p))
            back = os.path.join(tmp, "back.txt")
            p = m.run("fs", "cp", ":t.txt", back)
            t.check("microbit: the file comes back identical", ok(p) and open(back, "rb").read() == text, show(p))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    return checks.main("link", {"sim": (run_sim, "mpr", "board_pty"), "unix": (run_unix, "mpr", "board_pty", "unix_port"),
                                "microbit": (run_microbit, "mpr", "board_pty")}, boards=True)


if __name__ == "__main__":
    sys.exit(main())
