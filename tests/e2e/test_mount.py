#!/usr/bin/env python3
"""End-to-end tests of `mpr mount`: a host folder at /remote on a board.

  sim       `mpr connect sim` and the sim board behind board_pty: every file operation from board
            code, imports of .py and .mpy modules and packages, escapes refused, output holding
            the protocol's marker byte, paced answers (--no-raw-paste), soft-reset re-mount,
            umount, `fs rm -r` refused, host Ctrl-C during requests, the REPL (piped and on a pty
            with --inject-code/--capture), Ctrl-D re-mount
  unix      the same on MicroPython's unix port behind `board_pty --restart` (--unix-port), and
            a mount on a unix port with a 40 KB heap
  microbit  QEMU's micro:bit (MicroPython 1.9.2): the one-line refusal, exit status 1

usage: test_mount.py --mpr PATH --board-pty PATH --board {sim,unix,microbit}
                     [--mpyc PATH] [--unix-port PATH]
Exit status: 0 all passed, 1 a test failed, 77 skipped (node, QEMU or the unix port missing).
"""
import hashlib
import os
import pty
import select
import shutil
import signal
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from boardlib import (MicrobitBoard, PtyBoard, SimBoard, UnixBoard, MICROBIT_FIRMWARE, have,  # noqa: E402
                      sim_runtime_present, temp_dir)
import checks  # noqa: E402
from mprlib import Mpr, ok, show, write  # noqa: E402

MOUNTED = "is mounted at /remote"


def blob(n):
    """Deterministic bytes using every value 0..255 (the marker 0x1e, \\r, \\n, 0x03, 0x04 too)."""
    out = bytearray(range(256))
    x = 7
    while len(out) < n:
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        out.append((x >> 16) & 0xFF)
    return bytes(out[:n])


def make_folder(work, mpyc):
    """The folder to mount: modules, a package with a sub-package, a compiled module, data."""
    folder = os.path.join(work, "mounted")
    write(os.path.join(folder, "plain.py"), "def hi():\n    return 'plain module'\n")
    write(os.path.join(folder, "pkg", "__init__.py"), "from .x import X\nfrom .sub import Y\n")
    write(os.path.join(folder, "pkg", "x.py"), "X = 'pkg.x'\n")
    write(os.path.join(folder, "pkg", "sub", "__init__.py"), "from .y import Y\n")
    write(os.path.join(folder, "pkg", "sub", "y.py"), "Y = 'pkg.sub.y'\n")
    # A module bigger than the agent's read-ahead: imports in pieces.
    write(os.path.join(folder, "big.py"), "".join(f"v{i} = {i}  # {'x' * 60}\n" for i in range(600)))
    write(os.path.join(folder, "data.bin"), blob(70_000))
    write(os.path.join(folder, "text.txt"), "first line\nsecond line: héllo wörld ✓\nthird\n")
    compiled = None
    if mpyc:
        src = os.path.join(work, "compiled.py")
        write(src, "def answer():\n    return 6 * 7\n")
        out = os.path.join(folder, "compiled.mpy")
        p = subprocess.run([mpyc, "-o", out, src], capture_output=True)
        if p.returncode == 0:
            compiled = out
    return folder, compiled


# Board code: each `check(name, cond)` prints one line the host turns into a check.
BOARD_OPS = r"""
import os, array
def check(name, cond, detail=''):
    print('CHECK', 'ok' if cond else 'FAIL', name, '' if cond else repr(detail))
def err(fn):
    try:
        fn()
    except OSError as e:
        return e.errno
    return None
check('cwd is /remote', os.getcwd() == '/remote', os.getcwd())
import plain
check('import .py module', plain.hi() == 'plain module')
import pkg
check('import package and sub-package', pkg.X == 'pkg.x' and pkg.Y == 'pkg.sub.y')
import big
check('import a module larger than one read', big.v599 == 599)
if 'compiled.mpy' in os.listdir():
    import compiled
    check('import .mpy module', compiled.answer() == 42)
t = open('text.txt').read()
check('open text, read', t == 'first line\nsecond line: héllo wörld ✓\nthird\n', t)
with open('text.txt') as f:
    check('readline', f.readline() == 'first line\n')
    check('iteration', [l for l in f] == ['second line: héllo wörld ✓\n', 'third\n'])
check('readlines', len(open('text.txt').readlines()) == 3)
with open('text.txt', 'rb') as f:
    a = f.read()
    f.seek(6)
    check('small file: read all, seek back, read again', f.tell() == 6 and f.read(4) == b'line' and f.read() == a[10:])
    f.seek(0)
    check('small file: seek to the start, readline', f.readline() == b'first line\n')
d = open('data.bin', 'rb').read()
check('open binary, read all', len(d) == 70000 and d[:256] == bytes(range(256)), len(d))
f = open('data.bin', 'rb')
b = bytearray(300)
n = f.readinto(b)
check('readinto', n == 300 and b[:256] == bytes(range(256)), n)
check('tell', f.tell() == 300, f.tell())
f.seek(10)
check('seek, read', f.read(3) == bytes([10, 11, 12]))
f.seek(-2, 2)
check('seek from end', f.tell() == 69998 and f.read() == d[-2:])
f.seek(0)
check('read in pieces', f.read(1000) + f.read(69000) == d)
f.close()
with open('out.txt', 'w') as f:
    n = f.write('ascii, then non-ASCII: ñ € 😀\n')
check('write text returns characters', n == 29, n)
with open('out.bin', 'wb') as f:
    f.write(bytes(range(256)))
    f.write(bytearray(b'\r\n\r\x03\x04\x1e'))
    f.write(array.array('i', [1, -1, 65536]))
    f.write(memoryview(b'memoryview'))
with open('out.bin', 'ab') as f:
    f.write(b'appended')
f = open('out.bin', 'r+b')
f.seek(5)
f.write(b'RW')
f.close()
print('out.bin', open('out.bin', 'rb').read())
with open('out.txt') as f:
    check('written text reads back', f.read() == 'ascii, then non-ASCII: ñ € 😀\n')
check('print to a file', print('via print', file=open('printed.txt', 'w')) is None)
st = os.stat('data.bin')
check('stat file', st[0] & 0xF000 == 0x8000 and st[6] == 70000, st)
check('stat dir', os.stat('pkg')[0] & 0xF000 == 0x4000)
os.mkdir('made')
os.mkdir('made/inner')
open('made/inner/deep.txt', 'w').write('deep')
check('listdir', sorted(os.listdir('pkg')) == ['__init__.py', 'sub', 'x.py'], os.listdir('pkg'))
check('ilistdir nested', list(os.ilistdir('made/inner')) == [('deep.txt', 0x8000, 0, 4)], list(os.ilistdir('made/inner')))
check('listdir absolute', 'made' in os.listdir('/remote'))
check('bytes paths', open(b'made/inner/deep.txt').read() == 'deep' and os.stat(b'made')[0] & 0x4000)
os.chdir('made')
check('chdir', os.getcwd() == '/remote/made' and os.listdir() == ['inner'])
check('relative path after chdir', open('inner/deep.txt').read() == 'deep')
os.chdir('..')
check('chdir ..', os.getcwd() == '/remote')
os.rename('made/inner/deep.txt', 'made/moved.txt')
check('rename', sorted(os.listdir('made')) == ['inner', 'moved.txt'])
check('rmdir non-empty: ENOTEMPTY', err(lambda: os.rmdir('made')) == 39)
os.remove('made/moved.txt')
os.rmdir('made/inner')
os.rmdir('made')
check('remove, rmdir', 'made' not in os.listdir())
check('open missing: ENOENT', err(lambda: open('missing.txt')) == 2)
check('mkdir existing: EEXIST', err(lambda: os.mkdir('pkg')) == 17)
check('open a directory: EISDIR', err(lambda: open('pkg')) == 21)
check('remove a directory: EISDIR/EPERM', err(lambda: os.remove('pkg')) in (1, 21))
check('listdir of a file: ENOTDIR', err(lambda: os.listdir('plain.py')) == 20)
check('rmdir missing: ENOENT', err(lambda: os.rmdir('nothing')) == 2)
v = os.statvfs('/remote')
check('statvfs', len(v) == 10 and v[0] > 0, v)
for p in ('../secret.txt', '/remote/../secret.txt', '/remote/../../etc/passwd', '/remote//../x',
          'pkg/../../secret.txt', 'link_out/secret.txt', 'file_link'):
    check('escape refused: ' + p, err(lambda: open(p)) == 13, p)
check('escape refused: chdir ..', err(lambda: os.chdir('/remote/..')) in (13, None) and os.getcwd() == '/remote', os.getcwd())
check('escape refused: write through a link', err(lambda: open('link_out/new.txt', 'w')) == 13)
check('escape refused: mkdir through a link', err(lambda: os.mkdir('link_out/newdir')) == 13)
print('all board checks done')
"""


def run_board_ops(t, m, label, folder, secret_dir, unsafe=False):
    """BOARD_OPS on the board through `mount DIR run`, then the host's side of it."""
    work = os.path.dirname(folder)
    script = os.path.join(work, "ops.py")
    write(script, BOARD_OPS)
    begin = time.monotonic()
    p = m.run("mount", folder, "run", script)
    t.note(f"{label}: board file operations through the mount took {time.monotonic() - begin:.2f} s")
    lines = p.out.splitlines()
    checks = [l for l in lines if l.startswith("CHECK ")]
    t.check(f"{label}: mount DIR run: the program ran to the end, exit 0",
            ok(p) and "all board checks done" in p.out and len(checks) > 40, show(p))
    for line in checks:
        _, result, rest = line.split(" ", 2)
        t.check(f"{label}: board: {rest}", result == "ok", line)
    t.check(f"{label}: mpr says where the folder is mounted",
            f"Local directory {folder} {MOUNTED}" in p.out, show(p))
    expected = (bytes(range(256))[:5] + b"RW" + bytes(range(256))[7:] + b"\r\n\r\x03\x04\x1e" +
                (1).to_bytes(4, "little") + (-1).to_bytes(4, "little", signed=True) +
                (65536).to_bytes(4, "little") + b"memoryview" + b"appended")
    got = open(os.path.join(folder, "out.bin"), "rb").read() if os.path.exists(os.path.join(folder, "out.bin")) else None
    t.check(f"{label}: binary writes (bytes, bytearray, array, memoryview, append, r+) reach the host intact",
            got == expected, repr(got)[:300])
    txt = os.path.join(folder, "out.txt")
    t.check(f"{label}: non-ASCII text written as UTF-8",
            os.path.exists(txt) and open(txt, encoding="utf-8").read() == "ascii, then non-ASCII: ñ € 😀\n")
    t.check(f"{label}: print(file=) output on the host",
            os.path.exists(os.path.join(folder, "printed.txt")) and
            open(os.path.join(folder, "printed.txt")).read() == "via print\n")
    t.check(f"{label}: nothing written outside the folder", sorted(os.listdir(secret_dir)) == ["secret.txt"],
            os.listdir(secret_dir))
    for name in ("out.bin", "out.txt", "printed.txt"):
        if os.path.exists(os.path.join(folder, name)):
            os.remove(os.path.join(folder, name))


def chains_and_commands(t, m, label, folder):
    p = m.run("mount", folder, "exec", "import plain\nprint(plain.hi())")
    t.check(f"{label}: mount DIR exec", ok(p) and p.out.startswith("plain module\n") and MOUNTED in p.out, show(p))
    p = m.run("mount", folder, "eval", "open('text.txt').readline()")
    t.check(f"{label}: mount DIR eval", ok(p) and "first line" in p.out, show(p))
    p = m.run("mount", "-l", folder, "exec", "print(open('link_out/secret.txt').read())")
    t.check(f"{label}: mount -l follows links leading out", ok(p) and "the secret" in p.out, show(p))
    p = m.run("mount", "--unsafe-links", folder, "exec", "print(open('/remote/../x'))")
    t.check(f"{label}: mount -l still refuses ..", p.returncode == 1 and "Errno 13" in p.out, show(p))
    # The protocol's marker byte (0x1e) in a program's output, alone, at the end, and followed by
    # what looks like the start of a request, passes through; the session goes on.
    code = ("import sys\nsys.stdout.write('a\\x1eb\\x1e\\x1eS5:/abc\\x1e')\nsys.stdout.write('\\x1e')\n"
            "print()\nprint(open('text.txt').readline().strip())\nsys.stdout.write('\\x1e')")
    p = m.run("mount", folder, "exec", code)
    t.check(f"{label}: output holding the marker byte passes through, mount still works",
            ok(p) and p.stdout.replace(b"\r\n", b"\n").startswith(b"a\x1eb\x1e\x1eS5:/abc\x1e\x1e\nfirst line\n\x1e"),
            show(p))
    # Without raw-paste (a line without flow control, as far as mpr knows) answers are paced.
    slow = Mpr(m.path, m.connect, m.extra + ["--no-raw-paste"], m.timeout)
    p = slow.run("mount", folder, "exec", "import hashlib, binascii\n"
                 "print(binascii.hexlify(hashlib.sha256(open('data.bin', 'rb').read()).digest()))")
    t.check(f"{label}: --no-raw-paste (paced answers): a 70 KB file arrives intact",
            ok(p) and hashlib.sha256(blob(70_000)).hexdigest() in p.out, show(p))
    p = m.run("mount", folder, "exec", "a = 1", "+", "soft-reset", "+", "exec",
              "import os, plain\nprint('a' in globals(), os.getcwd(), plain.hi())")
    t.check(f"{label}: soft-reset re-mounts the folder", ok(p) and "False /remote plain module" in p.out, show(p))
    p = m.run("mount", folder, "umount", "+", "exec", "import os\nprint(os.getcwd(), 'remote' in os.listdir('/'))")
    t.check(f"{label}: umount", ok(p) and "/ False" in p.out, show(p))
    p = m.run("exec", "import os\nprint('remote' in os.listdir('/'))")
    t.check(f"{label}: the mount ends with mpr", ok(p) and p.out.strip() == "False", show(p))
    p = m.run("mount", folder, "fs", "rm", "-r", ":pkg")
    t.check(f"{label}: fs rm -r refused inside /remote, exit 1",
            p.returncode == 1 and "rm -r not permitted on /remote directory" in p.err and
            os.path.exists(os.path.join(folder, "pkg", "x.py")), show(p))
    p = m.run("mount", folder, "fs", "ls", ":")
    t.check(f"{label}: fs ls through the mount", ok(p) and "plain.py" in p.out and "pkg/" in p.out, show(p))
    p = m.run("mount", os.path.join(folder, "no-such-dir"), "exec", "print(1)")
    t.check(f"{label}: mount of a missing folder: one line, exit 1",
            p.returncode == 1 and p.err.count("\n") == 1 and "not a directory" in p.err and "Traceback" not in p.out,
            show(p))
    # A program's exception while mounted: traceback, exit 1, and the board is fine afterwards.
    p = m.run("mount", folder, "exec", "import plain\n1/0", "+", "exec", "print('not reached')")
    t.check(f"{label}: exception while mounted: exit 1, traceback", p.returncode == 1 and "ZeroDivisionError" in p.out, show(p))
    p = m.run("mount", folder, "exec", "import plain;print(plain.hi())")
    t.check(f"{label}: board usable after", ok(p) and "plain module" in p.out, show(p))


def host_interrupt(t, m, label, folder):
    """Ctrl-C on the host stops a program that spends its time in mount requests (the agent has
    Ctrl-C off while it waits for a reply, and raises it once the reply is in); no file is left
    open on the host by `open(p).read()` in a loop; the mount ends with mpr."""
    loop = "print('start')\nwhile True:\n    open('text.txt').read()\n    open('data.bin', 'rb').read(10)\n"
    p = subprocess.Popen(m.argv("mount", folder, "exec", loop), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 20
        seen = b""
        while b"start" not in seen and time.monotonic() < deadline:
            if select.select([p.stdout], [], [], 0.1)[0]:
                seen += os.read(p.stdout.fileno(), 4096)
        time.sleep(1.5)  # long enough to open more files than the host keeps open at once
        p.send_signal(signal.SIGINT)
        out, err = p.communicate(timeout=20)
        out = (seen + out).decode(errors="replace")
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
    t.check(f"{label}: host Ctrl-C interrupts a program busy with the mount: KeyboardInterrupt, exit 1",
            p.returncode == 1 and "KeyboardInterrupt" in out and "OSError" not in out, out[-800:] + err.decode(errors="replace"))
    q = m.run("exec", "import os\nprint(os.getcwd(), 'remote' in os.listdir('/'))")
    t.check(f"{label}: board usable after, not mounted any more", ok(q) and q.out.strip() == "/ False", show(q))


def repl_piped(t, m, label, folder):
    """`mount DIR` with nothing after it enters the REPL; Ctrl-D soft-resets and re-mounts."""
    proc = subprocess.Popen(m.argv("mount", folder), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    try:
        def send(data, pause=1.5):
            proc.stdin.write(data)
            proc.stdin.flush()
            time.sleep(pause)
        send(b"", 2.0)
        send(b"x = 5\r")
        send(b"import plain\r")
        send(b"print(plain.hi(), open('text.txt').readline())\r")
        send(b"\x04", 3.0)
        send(b"print('x' in globals(), __import__('os').getcwd())\r")
        send(b"import pkg; print(pkg.Y)\r")
        # Paste mode: there Ctrl-D ends the paste, and must not soft-reset.
        send(b"y = 9\r")
        send(b"\x05for i in range(2):\r    print('pasted', y + i)\r\x04", 2.0)
        out, err = proc.communicate(timeout=30)  # closes stdin: the REPL ends when the board is quiet
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    text = out.decode(errors="replace").replace("\r\n", "\n")
    t.check(f"{label}: mount DIR (no command) enters the REPL, which imports from the folder",
            proc.returncode == 0 and "plain module first line" in text, text[-1500:] + err.decode(errors="replace"))
    t.check(f"{label}: Ctrl-D in the REPL soft-resets and re-mounts",
            "False /remote" in text and "pkg.sub.y" in text, text[-1500:])
    t.check(f"{label}: Ctrl-D ending a paste (Ctrl-E) in the REPL is passed on, no reset",
            "pasted 9\npasted 10" in text, text[-1500:])


def repl_on_pty(t, m, label, folder, capture):
    """The terminal on a real tty: --inject-code (Ctrl-J) runs code that imports from the mount."""
    master, slave = pty.openpty()
    p = subprocess.Popen(m.argv("mount", folder, "repl", "--capture", capture, "--inject-code",
                                "import plain; print('inj:' + plain.hi())\\n"),
                         stdin=slave, stdout=slave, stderr=slave, close_fds=True)
    os.close(slave)
    seen = b""

    def wait_for(what, deadline):
        nonlocal seen
        while what not in seen and time.monotonic() < deadline:
            if select.select([master], [], [], 0.1)[0]:
                try:
                    seen += os.read(master, 4096)
                except OSError:
                    break
    try:
        deadline = time.monotonic() + 30
        os.write(master, b"\r")
        wait_for(b">>> ", deadline)
        os.write(master, b"\x0a")  # Ctrl-J: type the inject code
        wait_for(b"inj:plain module", deadline)
        os.write(master, b"\x18")  # Ctrl-x: leave
        code = p.wait(15)
        wait_for(b"mounted at /remote", time.monotonic() + 2)
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
        os.close(master)
    t.check(f"{label}: mount + repl --inject-code imports from the folder, Ctrl-x leaves with exit 0",
            code == 0 and b"inj:plain module" in seen and b"mounted at /remote" in seen, seen[-600:])
    with open(capture, "rb") as f:
        captured = f.read()
    t.check(f"{label}: repl --capture holds the session", b"inj:plain module" in captured, captured[-300:])


def full_suite(t, m, label, mpyc):
    work = temp_dir("e2e-mount-")
    try:
        folder, compiled = make_folder(work, mpyc)
        secret_dir = os.path.join(work, "outside")
        write(os.path.join(secret_dir, "secret.txt"), "the secret\n")
        write(os.path.join(work, "secret.txt"), "beside the folder\n")
        os.symlink(secret_dir, os.path.join(folder, "link_out"))
        os.symlink(os.path.join(secret_dir, "secret.txt"), os.path.join(folder, "file_link"))
        if not compiled:
            t.note(f"{label}: no .mpy compiler given (--mpyc): .mpy import not tested")
        run_board_ops(t, m, label, folder, secret_dir)
        chains_and_commands(t, m, label, folder)
        host_interrupt(t, m, label, folder)
        repl_piped(t, m, label, folder)
        repl_on_pty(t, m, label, folder, os.path.join(work, "capture.txt"))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def test_sim(t, mpr, board_pty, mpyc):
    state = temp_dir("e2e-mount-sim-")
    try:
        full_suite(t, Mpr(mpr, ["connect", "sim"], ["--sim-dir", state], timeout=90), "connect sim", mpyc)
        with SimBoard(board_pty, state) as board:
            full_suite(t, Mpr(mpr, ["connect", board.path], timeout=90), "sim on a pty", mpyc)
    finally:
        shutil.rmtree(state, ignore_errors=True)


def unix_board(board_pty, unix_port, root, heap=None):
    """The unix port as a board whose / is `root` (it must never see the host's files)."""
    return UnixBoard(board_pty, unix_port, root=root, heap=heap)


def test_unix(t, mpr, board_pty, mpyc, unix_port):
    root = temp_dir("e2e-mount-unix-root-")
    try:
        with unix_board(board_pty, unix_port, root) as board:
            m = Mpr(mpr, ["connect", board.path], timeout=90)
            p = m.run("exec", "import os\nprint(os.listdir('/'))")
            t.check("unix port: its / is a scratch folder", ok(p) and p.out.strip() == "[]", show(p))
            full_suite(t, m, "unix port", mpyc)
        # A board with little RAM: the agent goes in small pieces (mpremote's, compiled in one
        # piece, needs about 47 KB here).  The test board's own confinement to its scratch
        # folder (boardlib.UNIX_CONFINE) takes about 3 KB of the heap and splits it: with 40 KB,
        # about 37 KB are left for the agent and the program.
        work = temp_dir("e2e-mount-small-")
        try:
            folder, _ = make_folder(work, None)
            with unix_board(board_pty, unix_port, root, heap="40k") as board:
                m = Mpr(mpr, ["connect", board.path], timeout=90)
                p = m.run("mount", folder, "exec", "import pkg", "+", "exec",
                          "print(pkg.Y, len(open('data.bin', 'rb').read(2000)))")
                t.check("unix port with a 40 KB heap: mount, import, read", ok(p) and "pkg.sub.y 2000" in p.out, show(p))
        finally:
            shutil.rmtree(work, ignore_errors=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_microbit(t, mpr, board_pty):
    work = temp_dir("e2e-mount-microbit-")
    try:
        with MicrobitBoard(board_pty) as board:
            m = Mpr(mpr, ["connect", board.path], timeout=90)
            p = m.run("mount", work, "exec", "print('never')")
            t.check("micro:bit: mount refused in one line, exit 1, no traceback",
                    p.returncode == 1 and p.err.count("\n") == 1 and "cannot mount" in p.err and
                    "Traceback" not in p.out + p.err and "never" not in p.out, show(p))
            p = m.run("exec", "print('still fine')")
            t.check("micro:bit: usable after the refusal", ok(p) and p.out.strip() == "still fine", show(p))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    return checks.main("mount", {"sim": (test_sim, "mpr", "board_pty", "mpyc"),
                                 "unix": (test_unix, "mpr", "board_pty", "mpyc", "unix_port"),
                                 "microbit": (test_microbit, "mpr", "board_pty")},
                       boards=True, options=[("--mpyc", dict(help="mpyc, to compile the .mpy module imported "
                                                                  "through the mount"))])


if __name__ == "__main__":
    sys.exit(main())
