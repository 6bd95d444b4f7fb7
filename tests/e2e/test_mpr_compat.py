#!/usr/bin/env python3
"""End-to-end checks of what MicroPython's own mpremote test suite (tools/mpremote/tests, run by
tests/compat/run_mpremote_tests.sh) showed mpr doing differently from mpremote, each on a board:

  - file-system errors worded as mpremote words them ("cat: x.py: Operation not permitted."),
    for every errno name in mpremote's table, and "Error with transport:" for other exceptions
  - writing over existing files keeps the directory's listing order (FAT on the unix port)
  - `fs ls` and `fs rm -r` of the working directory in a subdirectory (the sim board refused
    os.stat('') there), board paths printed as mpremote prints them ("./x")
  - `fs tree -s -h` refused, as mpremote's argparse refuses the pair
  - `rm -r :/` fails on the root's rmdir, as mpremote's does
  - after `disconnect`, the next command connects to the same board again

  sim   the sim board behind board_pty
  unix  MicroPython's unix port behind board_pty --restart (only with --unix-port); also checks
        that the board's `/` is its own scratch folder, not the host's root

usage: test_mpr_compat.py --mpr PATH --board-pty PATH --board {sim,unix} [--unix-port PATH]
Exit status: 0 all passed, 1 a test failed, 77 skipped (node or the unix port missing).
"""
import os
import shutil
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from boardlib import SimBoard, UnixBoard, have, sim_runtime_present, temp_dir  # noqa: E402
import checks  # noqa: E402
from test_mpr import Mpr, ok, show  # noqa: E402

# A file system whose open() raises whatever `fs.error` holds (mpremote's test_errno.sh).
ERROR_FS = """\
import os, vfs, errno

class ErrorFS:
    def mount(self, *a, **k):
        pass
    def umount(self, *a, **k):
        pass
    def chdir(self, *a, **k):
        pass
    def open(self, *a, **k):
        raise self.error

fs = ErrorFS()
vfs.mount(fs, '/fs')
os.chdir('/fs')
"""

# A FAT file system in RAM at /ramdisk (mpremote's test_filesystem.sh), on boards with VfsFat.
RAMDISK = """\
class RAMBlockDev:
    def __init__(self, block_size, num_blocks):
        self.block_size = block_size
        self.data = bytearray(block_size * num_blocks)
    def readblocks(self, block_num, buf):
        for i in range(len(buf)):
            buf[i] = self.data[block_num * self.block_size + i]
    def writeblocks(self, block_num, buf):
        for i in range(len(buf)):
            self.data[block_num * self.block_size + i] = buf[i]
    def ioctl(self, op, arg):
        if op == 4:
            return len(self.data) // self.block_size
        if op == 5:
            return self.block_size

import os, vfs
bdev = RAMBlockDev(512, 50)
vfs.VfsFat.mkfs(bdev)
vfs.mount(vfs.VfsFat(bdev), '/ramdisk')
os.chdir('/ramdisk')
"""

# (errno name, how the board raises it, the message mpremote prints for it): mpremote's
# test_errno.sh and more.  MicroPython's errno module names only some errnos; the others are
# raised by number, and their OSError prints as "OSError: 28".
ERRNO_MESSAGES = [
    ("ENOENT", "OSError(errno.ENOENT, '')", "No such file or directory"),
    ("EISDIR", "OSError(errno.EISDIR, '')", "Is a directory"),
    ("EEXIST", "OSError(errno.EEXIST, '')", "File exists"),
    ("ENODEV", "OSError(errno.ENODEV, '')", "No such device"),
    ("EINVAL", "OSError(errno.EINVAL, '')", "Invalid argument"),
    ("EPERM", "OSError(errno.EPERM, '')", "Operation not permitted"),
    ("EOPNOTSUPP", "OSError(errno.EOPNOTSUPP, '')", "Operation not supported"),
    ("EACCES", "OSError(errno.EACCES, '')", "Permission denied"),
    ("ENOSPC", "OSError(28)", "No space left on device"),
    ("EROFS", "OSError(30)", "Read-only file system"),
    ("ENOTEMPTY", "OSError(39)", "Directory not empty"),
]


def host_file(work, name, text):
    path = os.path.join(work, name)
    with open(path, "w") as f:
        f.write(text)
    return path


def error_messages(t, m, label, work):
    p = m.run("run", host_file(work, "errorfs.py", ERROR_FS))
    if not t.check(f"{label}: a Python file system mounted at /fs", ok(p), show(p)):
        return
    for name, error, message in ERRNO_MESSAGES:
        m.run("resume", "exec", f"fs.error = {error}")
        p = m.run("resume", "cat", f":{name}.py")
        t.check(f"{label}: cat raising {name}: mpremote's message, exit 1",
                p.returncode == 1 and p.err == f"mpr: cat: {name}.py: {message}.\n", show(p))
    m.run("resume", "exec", "fs.error = Exception('not an OSError')")
    p = m.run("resume", "cat", ":Exception.py")
    lines = p.err.splitlines()
    t.check(f"{label}: cat raising a non-OSError: 'Error with transport:' and the traceback, exit 1",
            p.returncode == 1 and lines[:1] == ["mpr: Error with transport:"] and
            "Exception: not an OSError" in lines[-1], show(p))
    p = m.run("resume", "exec", "vfs.umount('/fs'); os.chdir('/')")
    t.check(f"{label}: /fs unmounted again", ok(p), show(p))
    p = m.run("ls", ":no_such_dir")
    t.check(f"{label}: ls of a missing path: mpremote's message",
            p.returncode == 1 and p.err == "mpr: ls: no_such_dir: No such file or directory.\n", show(p))


def listing_order_kept(t, m, label, work, folder):
    """Writing over existing files must not move them in the directory's listing (a rename of a
    temporary file does, on FAT and on the sim board's file system)."""
    listing = f"import os; print(os.listdir({folder!r}))"
    for name in ("a.py", "b.py", "c.py"):
        m.run("resume", "touch", f":{folder}/{name}")
    m.run("resume", "mkdir", f":{folder}/sub")
    before = m.run("resume", "exec", listing)
    new_a = host_file(work, "a.py", "print('new a')\n")
    p = m.run("resume", "cp", new_a, f":{folder}/a.py", "+", "cp", f":{folder}/a.py", f":{folder}/b.py")
    t.check(f"{label}: cp over existing files", ok(p), show(p))
    after = m.run("resume", "exec", listing)
    t.check(f"{label}: files written over keep their place in the listing ({folder})",
            ok(before) and before.out == after.out, f"before {before.out!r}\nafter  {after.out!r}")
    p = m.run("resume", "cat", f":{folder}/b.py")
    t.check(f"{label}: the file written over has the new contents", p.out == "print('new a')\n", show(p))
    names = [line.split()[-1].rstrip("/") for line in m.run("resume", "ls", f":{folder}").out.splitlines()[1:]]
    t.check(f"{label}: ls lists in the board's order", str(names) == after.out.strip(), f"{names} {after.out!r}")


def working_directory(t, m, label, work):
    p = m.run("exec", "import os; os.mkdir('/wd'); open('/wd/inner.txt', 'w').close(); os.chdir('/wd')",
              "+", "ls")
    t.check(f"{label}: ls with no path in a subdirectory lists it",
            ok(p) and p.out == "ls :\n           0 inner.txt\n", show(p))
    f = host_file(work, "f.py", "x = 1\n")
    p = m.run("resume", "cp", f, ":", "+", "cp", f, ":")
    t.check(f"{label}: cp to ':' twice: 'Up to date: ./f.py' as mpremote prints it",
            ok(p) and p.out.endswith("Up to date: ./f.py\n"), show(p))
    p = m.run("resume", "rm", "-r", "-v", ":")
    t.check(f"{label}: rm -r -v of the working directory: its files as './NAME', the directory stays",
            ok(p) and sorted(p.out.splitlines()[1:]) == ["removed: './f.py'", "removed: './inner.txt'"],
            show(p))
    p = m.run("resume", "exec", "import os; print(os.getcwd(), os.listdir())")
    t.check(f"{label}: ... and it is empty", ok(p) and p.out == "/wd []\n", show(p))


def tree_size_formats(t, m, label):
    p = m.run("tree", "-s", "-h")
    t.check(f"{label}: tree -s -h refused (one size format at a time) with fs's usage, exit 2, as mpremote",
            p.returncode == 2 and p.out == "" and p.err.startswith("usage: fs [--help]")
            and p.err.endswith("\nfs: error: argument --human/-h: not allowed with argument --size/-s\n"), show(p))
    p = m.run("tree", "--human", ":")
    t.check(f"{label}: tree --human alone works", ok(p) and p.out.startswith("tree :\n:/"), show(p))


def remove_root(t, m, label):
    p = m.run("touch", ":/gone.txt", "+", "rm", "-r", ":/")
    t.check(f"{label}: rm -r :/ fails on the root's rmdir as mpremote's does",
            p.returncode == 1 and p.err == "mpr: rm -r: cannot remove :/ Operation not permitted\n", show(p))
    p = m.run("exec", "import os; print(os.listdir('/'))")
    t.check(f"{label}: ... after removing what the root held", ok(p) and "gone.txt" not in p.out, show(p))


def reconnect_after_disconnect(t, m, label):
    p = m.run("eval", "1+2", "disconnect", "eval", "2+3")
    t.check(f"{label}: after disconnect the next command connects to the same board",
            ok(p) and p.out == "3\n5\n", show(p))


def common_checks(t, m, label, work):
    error_messages(t, m, label, work)
    working_directory(t, m, label, work)
    tree_size_formats(t, m, label)
    reconnect_after_disconnect(t, m, label)


def test_sim(t, mpr, board_pty):
    state, work = temp_dir("e2e-compat-sim-"), temp_dir("e2e-compat-work-")
    try:
        with SimBoard(board_pty, state) as board:
            m = Mpr(mpr, ["connect", board.path])
            common_checks(t, m, "sim", work)
            m.run("mkdir", ":/order")
            listing_order_kept(t, m, "sim", work, "/order")
            remove_root(t, m, "sim")
    finally:
        shutil.rmtree(state, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)


def confinement(t, m, board, work):
    """The unix port's `/` is its scratch folder: a host file elsewhere is out of its sight."""
    outside = host_file(work, "outside.txt", "host file\n")
    host_file(board.root, "inside.txt", "board file\n")
    p = m.run("exec", f"import os\ntry:\n    os.stat({outside!r}); print('visible')\nexcept OSError:\n"
                      "    print('hidden')\nprint(open('/inside.txt').read(), end='')")
    t.check("unix: the board's / is its scratch folder, a host file outside it is not visible",
            ok(p) and p.out == "hidden\nboard file\n", show(p))
    p = m.run("exec", "import os; print(os.getcwd(), sorted(os.listdir('/')))")
    t.check("unix: the board starts in its own /", ok(p) and p.out == "/ ['inside.txt']\n", show(p))


def test_unix(t, mpr, board_pty, unix_port):
    work = temp_dir("e2e-compat-work-")
    try:
        with UnixBoard(board_pty, unix_port) as board:
            m = Mpr(mpr, ["connect", board.path])
            confinement(t, m, board, work)
            common_checks(t, m, "unix", work)
            p = m.run("run", host_file(work, "ramdisk.py", RAMDISK))
            if t.check("unix: a FAT ramdisk at /ramdisk", ok(p), show(p)):
                listing_order_kept(t, m, "unix", work, "/ramdisk")
            remove_root(t, m, "unix")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    return checks.main("mpr-compat", {"sim": (test_sim, "mpr", "board_pty"), "unix": (test_unix, "mpr", "board_pty", "unix_port")}, boards=True)


if __name__ == "__main__":
    sys.exit(main())
