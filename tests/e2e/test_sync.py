#!/usr/bin/env python3
"""End-to-end tests of `mpr sync` and `mpr watch`.

Every board file is checked against the host's by sha256 computed here, from the bytes our own
raw-REPL client (boardlib.RawRepl, independent of mpr) reads back from the board.

  sim       the sim board behind board_pty: a 60-file project with folders sent once; a second
            run sends nothing, a third with one file changed sends one; --dry-run changes
            nothing; --delete; --exclude (and the default excludes); --compile (the board
            imports the .mpy); a chain `sync ... + exec`; a sync killed mid-transfer leaves no
            half-written file under its real name; `watch --run` re-runs the program within 1 s
            of each of three edits in a row, and ends with status 0 on Ctrl-C; `watch --reset`
            runs main.py again after a soft reset on each edit
  unix      the same on MicroPython's unix port behind `board_pty --restart` (--unix-port)
  microbit  QEMU's micro:bit (flat file system, no hashlib): a flat project syncs, one change
            sends one file, --delete, a project with folders is refused in one line, watch --run

usage: test_sync.py --mpr PATH --board-pty PATH --board {sim,unix,microbit} [--unix-port PATH]
Exit status: 0 all passed, 1 a test failed, 77 skipped (node, QEMU or the unix port missing).
"""
import ast
import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from boardlib import BoardError, MicrobitBoard, RawRepl, SimBoard, UnixBoard, temp_dir  # noqa: E402
import checks  # noqa: E402
from mprlib import Mpr, ok, show, write  # noqa: E402


def host_files(folder, leave_out=lambda rel: False):
    """relative path -> sha256 hex of every file below `folder`."""
    out = {}
    for dirpath, dirs, files in os.walk(folder):
        for name in files:
            full = os.path.join(dirpath, name)
            rel = os.path.relpath(full, folder).replace(os.sep, "/")
            if not leave_out(rel):
                with open(full, "rb") as f:
                    out[rel] = hashlib.sha256(f.read()).hexdigest()
    return out


# Board code (our own, not mpr's): every file below the folder as "F 'path'" and its bytes in
# "C b'...'" pieces,
# every folder as "D 'path'".  The micro:bit has one flat folder and no os.ilistdir.
LIST_TREE = """\
import os
def _w(d, r):
    for e in os.ilistdir(d):
        p = d + '/' + e[0]
        q = r + e[0]
        if e[1] & 0x4000:
            print('D', repr(q))
            _w(p, q + '/')
        else:
            f = open(p, 'rb')
            print('F', repr(q))
            while True:
                b = f.read(512)
                if not b:
                    break
                print('C', repr(b))
            f.close()
_w(%r, '')
"""
LIST_FLAT = """\
import os
for n in os.listdir():
    f = open(n, 'rb')
    print('F', repr(n))
    while True:
        b = f.read(128)
        if not b:
            break
        print('C', repr(b))
    f.close()
"""


def board_files(board, folder):
    """relative path -> sha256 hex of every file below the board's `folder`, read by boardlib."""
    line = board.open()
    try:
        lossy = board.name == "microbit"
        r = RawRepl(line, use_raw_paste=not lossy, retries=8 if lossy else 0)
        code = LIST_FLAT if not board.supports_dirs else LIST_TREE % folder
        # The listing only reads, so on the micro:bit's lossy line a listing that stalls (its
        # output stopped half-way once, with the host loaded) is stopped and asked again.
        attempts = 3 if lossy else 1
        for attempt in range(attempts):
            r.enter()
            try:
                out = r.exec(code, timeout=40 if lossy else 120).decode()
                break
            except BoardError as e:
                if attempt == attempts - 1:
                    raise
                print(f"  note  the board's listing stalled ({e}); asking again", flush=True)
        r.leave()
    finally:
        line.close()
    files, current = {}, None
    for raw in out.splitlines():
        raw = raw.strip()
        if not raw:
            continue
        kind, rest = raw[0], raw[2:]
        if kind == "F":
            current = ast.literal_eval(rest)
            files[current] = b""
        elif kind == "C":
            files[current] += ast.literal_eval(rest)
    return {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}


def sent_count(p):
    m = re.search(r"sent (\d+) files?", p.out)
    return int(m.group(1)) if m else None


def make_project(folder, n_files, with_folders):
    """A project of exactly `n_files` files: main.py, modules (in lib/ and lib/pkg/ when the board
    has folders) and a binary data file using every byte value."""
    write(os.path.join(folder, "main.py"), "import mod0\nprint('main ran', mod0.VALUE)\n")
    names = []
    for i in range(n_files - 2):
        if with_folders and i % 3 == 1:
            names.append(f"lib/m{i}.py")
        elif with_folders and i % 3 == 2:
            names.append(f"lib/pkg/p{i}.py")
        else:
            names.append(f"mod{i}.py")
    for i, name in enumerate(names):
        write(os.path.join(folder, name), f"VALUE = {i}\n" + "".join(f"# line {k} of {name}\n" for k in range(i % 7)))
    write(os.path.join(folder, "data.bin"), bytes(range(256)) * 3)
    if with_folders:
        write(os.path.join(folder, "lib", "pkg", "__init__.py"), "")
        os.remove(os.path.join(folder, names[-1]))  # keep the count at n_files
    return folder


def expect_board_equals_host(t, board, remote, project, label, leave_out=lambda rel: False):
    want = host_files(project, leave_out)
    got = board_files(board, remote)
    t.check(f"{label}: the board's files match the host's by sha256 ({len(want)} files)", got == want,
            f"only on host: {sorted(set(want) - set(got))}\nonly on board: {sorted(set(got) - set(want))}\n"
            f"different: {sorted(k for k in want if k in got and got[k] != want[k])}")
    return got


def basic_sync(t, m, board, work, n_files, remote_arg, remote_path, timings):
    project = make_project(os.path.join(work, "project"), n_files, board.supports_dirs)
    p = m.run("sync", project, remote_arg)
    timings["initial sync of %d files" % n_files] = p.elapsed
    t.check(f"sync of a {n_files}-file project sends every file once", ok(p) and sent_count(p) == n_files and
            p.out.count("\nsent ") + p.out.startswith("sent ") >= n_files, show(p))
    t.check("the summary names sent, unchanged, deleted, bytes and rate",
            re.search(r"sent \d+ files \([\d.]+ (KB|bytes)\), 0 unchanged, 0 deleted in [\d.]+ s \(", p.out), show(p))
    expect_board_equals_host(t, board, remote_path, project, "after the first sync")

    p = m.run("sync", project, remote_arg)
    timings["re-sync, nothing changed"] = p.elapsed
    t.check("a second sync sends nothing", ok(p) and sent_count(p) == 0 and f"{n_files} unchanged" in p.out, show(p))

    write(os.path.join(project, "mod0.py"), "VALUE = 'changed'\n")
    p = m.run("sync", project, remote_arg)
    timings["re-sync, one file changed"] = p.elapsed
    t.check("with one file changed, sync sends that one file", ok(p) and sent_count(p) == 1 and
            "mod0.py" in p.out and f"{n_files - 1} unchanged" in p.out, show(p))
    expect_board_equals_host(t, board, remote_path, project, "after one change")

    # Two edits that keep size and byte sum (swapped bytes): still seen as a change.
    write(os.path.join(project, "mod0.py"), "VALUE = 'chagned'\n")
    p = m.run("sync", project, remote_arg)
    t.check("bytes swapped (same size and sum) are a change", ok(p) and sent_count(p) == 1, show(p))

    # --dry-run with a deletion, a change and a new file: the plan, and nothing done.
    before = board_files(board, remote_path)
    os.remove(os.path.join(project, "mod3.py"))
    write(os.path.join(project, "data.bin"), bytes(range(255, -1, -1)) * 3)
    write(os.path.join(project, "new.py"), "NEW = 1\n")
    p = m.run("sync", "--dry-run", "--delete", project, remote_arg)
    t.check("--dry-run prints the plan", ok(p) and re.search(r"delete \S*mod3\.py", p.out) and
            re.search(r"send \S*data\.bin \(changed", p.out) and re.search(r"send \S*new\.py \(new", p.out) and
            "would have sent 2 files" in p.out and "1 deleted" in p.out, show(p))
    t.expect_equal("--dry-run changes nothing on the board", board_files(board, remote_path), before)

    p = m.run("sync", project, remote_arg)
    t.check("without --delete a board file the host no longer has stays", ok(p) and sent_count(p) == 2, show(p))
    t.check("... mod3.py is still on the board", "mod3.py" in board_files(board, remote_path))
    p = m.run("sync", "--delete", project, remote_arg)
    t.check("--delete removes it", ok(p) and sent_count(p) == 0 and "1 deleted" in p.out, show(p))
    expect_board_equals_host(t, board, remote_path, project, "after --delete")
    return project


def exclude_and_chain(t, m, board, project, remote_arg, remote_path):
    write(os.path.join(project, "notes.txt"), "not for the board\n")
    write(os.path.join(project, "main.py~"), "an editor's backup\n")
    write(os.path.join(project, ".main.py.swp"), "vim's swap file\n")
    if board.supports_dirs:
        write(os.path.join(project, "__pycache__", "mod0.cpython-311.pyc"), b"\x00cache")
        write(os.path.join(project, "tests", "test_x.py"), "assert True\n")
    args = ["--exclude", "*.txt"] + (["--exclude", "tests"] if board.supports_dirs else [])
    p = m.run("sync", *args, project, remote_arg)
    t.check("--exclude (repeated) and the default excludes: nothing new sent", ok(p) and sent_count(p) == 0, show(p))

    def left_out(rel):
        return (rel.endswith(".txt") or rel.endswith("~") or rel.endswith(".swp") or rel.startswith("__pycache__")
                or rel.startswith("tests"))
    expect_board_equals_host(t, board, remote_path, project, "excluded files stay on the host", left_out)
    # An excluded board file is not deleted either (rsync's rule).
    p = m.run("sync", "--delete", *args, project, remote_arg)
    t.check("--delete with --exclude keeps what is excluded", ok(p) and "0 deleted" in p.out, show(p))
    for rel in ["notes.txt", "main.py~", ".main.py.swp"]:
        os.remove(os.path.join(project, rel))
    shutil.rmtree(os.path.join(project, "__pycache__"), ignore_errors=True)
    shutil.rmtree(os.path.join(project, "tests"), ignore_errors=True)

    cd = f"import os\nos.chdir({remote_path!r})\n" if remote_path not in ("", "/") else ""
    p = m.run("sync", project, remote_arg, "+", "exec", cd + "import main")
    t.check("sync chains with exec: `sync DIR :X + exec ...`", ok(p) and "main ran chagned" in p.out, show(p))


def compile_step(t, m, board, project, remote_arg, remote_path):
    p = m.run("sync", "--compile", "--delete", project, remote_arg)
    got = board_files(board, remote_path)
    t.check("--compile sends .mpy for every module and keeps main.py as source",
            ok(p) and "mod0.mpy" in got and "mod0.py" not in got and "main.py" in got and
            not any(k.endswith(".py") and k != "main.py" for k in got), f"{show(p)}\n{sorted(got)}")
    cd = f"import os\nos.chdir({remote_path!r})\n" if remote_path not in ("", "/") else ""
    p = m.run("exec", cd + "import sys\nfor k in list(sys.modules):\n if k.startswith('mod') or k == 'main':"
                          "\n  del sys.modules[k]\nimport main, mod0\nprint(mod0.__file__)")
    t.check("the board imports the compiled modules", ok(p) and "main ran chagned" in p.out and
            "mod0.mpy" in p.out, show(p))
    p = m.run("sync", "--compile", project, remote_arg)
    t.check("--compile again: nothing changed, nothing sent", ok(p) and sent_count(p) == 0, show(p))
    write(os.path.join(project, "mod1.py"), "def broken(:\n")
    p = m.run("sync", "--compile", project, remote_arg)
    t.check("a module that does not compile: exit 1, file and line named, nothing sent",
            p.returncode == 1 and "mod1.py:1" in p.err and "sent " not in p.out, show(p))
    write(os.path.join(project, "mod1.py"), "VALUE = 1\n")
    p = m.run("sync", "--delete", project, remote_arg)
    t.check("back to sources: .mpy files deleted, .py sent", ok(p) and sent_count(p) > 0, show(p))
    expect_board_equals_host(t, board, remote_path, project, "after going back to sources")


def killed_sync(t, m, board, project, remote_arg, remote_path, host_view):
    """A sync killed while a big file is on its way: the old file keeps its real name."""
    big = os.path.join(project, "big.bin")
    write(big, b"old " * 1000)
    p = m.run("sync", project, remote_arg)
    t.check("killed sync: the old big file is on the board", ok(p), show(p))
    write(big, os.urandom(400_000))
    proc = subprocess.Popen(m.argv("sync", project, remote_arg), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL)
    temporary = os.path.join(host_view, "big.bin.mpr~")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if os.path.exists(temporary) and os.path.getsize(temporary) > 20_000:
            break
        time.sleep(0.01)
    was_running = proc.poll() is None
    proc.kill()
    proc.wait()
    proc.stdout.close()
    proc.stderr.close()
    t.check("killed sync: mpr was killed mid-transfer", was_running and os.path.exists(temporary))
    got = board_files(board, remote_path)
    t.expect_equal("killed sync: big.bin under its real name is still the old file, whole",
                   got.get("big.bin"), hashlib.sha256(b"old " * 1000).hexdigest())
    p = m.run("sync", project, remote_arg)
    got = board_files(board, remote_path)
    t.check("the next sync completes and removes the temporary", ok(p) and "big.bin.mpr~" not in got and
            got.get("big.bin") == host_files(project)["big.bin"], f"{show(p)}\n{sorted(got)}")
    os.remove(big)
    m.run("sync", "--delete", project, remote_arg)


class Watching:
    """A `mpr watch` running in the background, its output read as it comes."""

    def __init__(self, argv, cwd=None):
        self.proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                     cwd=cwd)
        os.set_blocking(self.proc.stdout.fileno(), False)
        self.seen = b""
        self.err = None  # mpr's stderr, once it has ended

    def text(self, tail=1500):
        """The output so far; if mpr has ended, also its status and the end of its stderr."""
        shown = self.seen.decode(errors="replace")[-tail:]
        if self.proc.poll() is not None:
            if self.err is None:
                self.err = self.proc.stderr.read().decode(errors="replace")
            shown += f"\n[mpr ended with status {self.proc.returncode}; stderr: {self.err[-tail:]}]"
        return shown

    def wait_for(self, text, timeout):
        """The time `text` appeared in the output, or None."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                self.seen += self.proc.stdout.read() or b""
            except BlockingIOError:
                pass
            if text.encode() in self.seen:
                return time.monotonic()
            if self.proc.poll() is not None:
                return None
            time.sleep(0.005)
        return None

    def edits(self, edit, expected, count=3):
        """Makes `count` edits in a row (edit(k)); each one's latency until expected(k) is printed."""
        latencies = []
        for k in range(1, count + 1):
            time.sleep(0.3)
            edited = time.monotonic()
            edit(k)
            done = self.wait_for(expected(k), 20)
            latencies.append(None if done is None else done - edited)
        return latencies

    def interrupt(self):
        """Ctrl-C; the exit status (None if it did not end) and its stderr."""
        self.proc.send_signal(signal.SIGINT)
        try:
            status = self.proc.wait(15)
            if self.err is None:
                self.err = self.proc.stderr.read().decode(errors="replace")
            return status, self.err[-800:]
        except subprocess.TimeoutExpired:
            return None, ""

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.proc.stdout.close()
        self.proc.stderr.close()


def show_latencies(latencies):
    return ", ".join("lost" if x is None else f"{x:.3f} s" for x in latencies)


def watch(t, m, board, work, remote_arg, remote_path, bound, looping):
    """watch --run: three edits in a row, each re-run measured from the edit to its output.

    `looping`: the program keeps running after its line, as a board's main loop does, so each
    edit must stop it with Ctrl-C.  Not on the unix port behind board_pty: its pty is raw (no
    ISIG), so the port never sees a Ctrl-C while code runs (mpr exec cannot stop it either)."""
    project = os.path.join(work, "watched")
    helper = os.path.join(project, "helper.py")
    program = "import helper\nprint('run', helper.N)\n"
    if looping:
        program += "import time\nwhile True:\n    time.sleep_ms(20)\n"
    write(os.path.join(project, "app.py"), program)
    write(helper, "N = 0\n")
    w = Watching(m.argv("watch", "--run", "app.py", project, remote_arg), cwd=project)
    try:
        t.check("watch: first sync, then the program runs", w.wait_for("run 0", 60) is not None, w.text(800))
        latencies = w.edits(lambda k: write(helper, f"N = {k}\n"), lambda k: f"run {k}")
        t.note("watch: re-run latencies after each edit: " + show_latencies(latencies))
        t.check(f"watch: three edits in a row, each re-run within {bound} s",
                all(x is not None and x < bound for x in latencies), w.text())
        status, err = w.interrupt()
        t.check("watch: Ctrl-C ends it with status 0", status == 0, f"status {status}; stderr {err}")
    finally:
        w.close()
    got = board_files(board, remote_path)
    t.check("watch: the board has the last edit", got.get("helper.py") == hashlib.sha256(b"N = 3\n").hexdigest(),
            sorted(got))


def watch_reset(t, m, board, work):
    """watch --reset: main.py in the board's working directory runs after each soft reset."""
    project = os.path.join(work, "reset")
    main_py = os.path.join(project, "main.py")
    write(main_py, "print('boot', 0)\n")
    w = Watching(m.argv("watch", "--reset", project))
    try:
        t.check("watch --reset: synced, soft reset, main.py ran", w.wait_for("boot 0", 60) is not None, w.text(800))
        latencies = w.edits(lambda k: write(main_py, f"print('boot', {k})\n"), lambda k: f"boot {k}")
        t.note("watch --reset: latencies after each edit: " + show_latencies(latencies))
        t.check("watch --reset: each edit synced and main.py run again after a soft reset",
                all(x is not None for x in latencies), w.text())
        t.check("watch --reset: the REPL banner from before the reset is not shown",
                # (one banner per reset at most: the last one may still be on its way)
                w.seen.count(b'Type "help()"') <= w.seen.count(b"soft reboot"), w.text())
        status, err = w.interrupt()
        t.check("watch --reset: Ctrl-C ends it with status 0", status == 0, f"status {status}; stderr {err}")
    finally:
        w.close()
    os.remove(main_py)
    m.run("sync", "--delete", project)  # the board keeps no main.py that runs at every reset


def full_suite(t, mpr, board, work, host_view, remote_arg, remote_path, watch_bound, looping):
    m = Mpr(mpr, ["connect", board.path], timeout=240)
    timings = {}
    project = basic_sync(t, m, board, work, 60, remote_arg, remote_path, timings)
    exclude_and_chain(t, m, board, project, remote_arg, remote_path)
    compile_step(t, m, board, project, remote_arg, remote_path)
    killed_sync(t, m, board, project, remote_arg, remote_path, host_view)
    watch(t, m, board, work, remote_arg, remote_path, watch_bound, looping)
    if board.name == "sim":  # the unix port runs no main.py: its soft reset is a restart
        watch_reset(t, m, board, work)
    for what, secs in timings.items():
        t.note(f"{board.name}: {what}: {secs:.3f} s")


def test_sim(t, mpr, board_pty):
    state = temp_dir("e2e-sync-sim-")
    work = temp_dir("e2e-sync-work-")
    try:
        with SimBoard(board_pty, state) as board:
            # The sim board's `/` is its state folder: the board folder /app is state/app.
            full_suite(t, mpr, board, work, os.path.join(state, "app"), ":/app", "/app", 1.0, True)
    finally:
        shutil.rmtree(state, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)


def test_unix(t, mpr, board_pty, unix_port):
    root = temp_dir("e2e-sync-unix-root-")
    work = temp_dir("e2e-sync-work-")
    try:
        with UnixBoard(board_pty, unix_port, root=root) as board:
            # Its `/` is the scratch folder `root`; the board folder /app is root/app.
            full_suite(t, mpr, board, work, os.path.join(root, "app"), ":/app", "/app", 3.0, False)
    finally:
        shutil.rmtree(root, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)


def test_microbit(t, mpr, board_pty):
    work = temp_dir("e2e-sync-microbit-")
    try:
        with MicrobitBoard(board_pty) as board:
            # QEMU's micro:bit writes its flash slowly, the more so on a loaded machine: a silence
            # of 30 s (not mpr's default 10) before mpr gives up on a file write.
            m = Mpr(mpr, ["connect", board.path], ["--timeout", "30"], timeout=240)
            project = make_project(os.path.join(work, "flat"), 12, False)
            p = m.run("sync", project)
            t.check("micro:bit: a flat 12-file project syncs", ok(p) and sent_count(p) == 12, show(p))
            t.note(f"micro:bit: initial sync of 12 files: {p.elapsed:.2f} s")
            expect_board_equals_host(t, board, "", project, "micro:bit")
            write(os.path.join(project, "mod0.py"), "VALUE = 'chagned'\n")
            p = m.run("sync", project)
            t.check("micro:bit: one change sends one file", ok(p) and sent_count(p) == 1, show(p))
            t.note(f"micro:bit: re-sync, one file changed: {p.elapsed:.2f} s")
            write(os.path.join(project, "mod0.py"), "VALUE = 'changed'\n")  # same size and sum
            p = m.run("sync", project)
            t.check("micro:bit: swapped bytes are a change (Adler-32)", ok(p) and sent_count(p) == 1, show(p))
            os.remove(os.path.join(project, "mod3.py"))
            p = m.run("sync", "--delete", project)
            t.check("micro:bit: --delete", ok(p) and "1 deleted" in p.out, show(p))
            expect_board_equals_host(t, board, "", project, "micro:bit after --delete")
            write(os.path.join(work, "nested", "lib", "x.py"), "X = 1\n")
            write(os.path.join(work, "nested", "main.py"), "import x\n")
            p = m.run("sync", os.path.join(work, "nested"))
            t.check("micro:bit: a project with folders is refused in one line, exit 1",
                    p.returncode == 1 and "flat file system" in p.err and p.err.count("\n") == 1 and
                    "Traceback" not in p.out + p.err, show(p))
            p = m.run("sync", "--exclude", "lib", os.path.join(work, "nested"))
            t.check("micro:bit: ... and syncs with the folder excluded", ok(p) and sent_count(p) == 1, show(p))
            # watch on the slow, lossy UART: a generous bound (the 1 s is for the sim board).
            watch(t, m, board, work, ":", "", 10.0, False)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    return checks.main("sync", {"sim": (test_sim, "mpr", "board_pty"), "unix": (test_unix, "mpr", "board_pty", "unix_port"), "microbit": (test_microbit, "mpr", "board_pty")}, boards=True)


if __name__ == "__main__":
    sys.exit(main())
