#!/usr/bin/env python3
"""End-to-end tests of mpr against boards behind ptys.

  sim       `mpr connect sim` (mpr starts the sim board itself) and the sim board behind
            board_pty (`mpr connect /dev/pts/N`), plus the error cases
  microbit  QEMU's micro:bit (MicroPython 1.9.2, the old constrained firmware)

usage: test_mpr.py --mpr PATH --board-pty PATH --board {sim,microbit,unix} [--unix-port PATH]
Exit status: 0 all passed, 1 a test failed, 77 skipped (node or QEMU missing).
"""
import hashlib
import os
import signal
import pty
import select
import shutil
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from boardlib import (MicrobitBoard, PtyBoard, SimBoard, UnixBoard, MICROBIT_FIRMWARE, have,  # noqa: E402
                      sim_runtime_present, temp_dir)
import checks  # noqa: E402
from mprlib import Mpr, failed, ok, show  # noqa: E402


def binary_blob(n, seed=1):
    """Deterministic bytes using every value 0..255."""
    out = bytearray()
    x = seed
    while len(out) < n:
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        out.append((x >> 16) & 0xFF)
    out[:256] = bytes(range(256))[:min(256, n)]
    return bytes(out[:n])


# --- the common part: commands every board supports ---------------------------------------

def basic_commands(t, m, label):
    p = m.run("exec", "print(1+1)")
    t.check(f"{label}: exec", ok(p) and p.out == "2\n", show(p))
    p = m.run("eval", "1+2")
    t.check(f"{label}: eval", ok(p) and p.out.strip() == "3", show(p))
    p = m.run("exec", "a=5", "+", "eval", "a*2")
    t.check(f"{label}: commands chained with +", ok(p) and p.out.strip() == "10", show(p))
    p = m.run("exec", "a=5", "+", "soft-reset", "+", "exec", "print('a' in globals())")
    t.check(f"{label}: soft-reset clears globals", ok(p) and p.out.strip() == "False", show(p))
    p = run_script(m, "for i in range(3):\n    print('line', i)\n")
    t.check(f"{label}: run", ok(p) and p.out == "line 0\nline 1\nline 2\n", show(p))
    remote_exceptions(t, m, label)


def run_script(m, text):
    """`mpr run` of a host file holding `text` (removed afterwards)."""
    work = temp_dir("e2e-mpr-run-")
    try:
        script = os.path.join(work, "script.py")
        with open(script, "w") as f:
            f.write(text)
        return m.run("run", script)
    finally:
        shutil.rmtree(work)


def traceback_on_stdout(p, before=""):
    """mpremote's behaviour: exit 1, the program's output, then the traceback, all on stdout."""
    head = before + "Traceback (most recent call last):\n"
    last = p.out.rstrip("\n").rsplit("\n", 1)[-1]
    return (p.returncode == 1 and p.out.startswith(head) and last.startswith("ZeroDivisionError")
            and "Traceback" not in p.err and "ZeroDivisionError" not in p.err)


def remote_exceptions(t, m, label):
    p = m.run("exec", "print('before')\n1/0")
    t.check(f"{label}: exec: remote exception -> exit 1, output then traceback on stdout",
            traceback_on_stdout(p, "before\n"), show(p))
    p = m.run("eval", "1/0")
    t.check(f"{label}: eval: remote exception -> exit 1, traceback on stdout", traceback_on_stdout(p), show(p))
    p = run_script(m, "print('ran')\nx = 1\nx / 0\n")
    t.check(f"{label}: run: remote exception -> exit 1, output then traceback on stdout",
            traceback_on_stdout(p, "ran\n") and ", line 3" in p.out, show(p))
    # A chain stops at the failing command, as mpremote's does.
    p = m.run("exec", "1/0", "+", "exec", "print('not reached')")
    t.check(f"{label}: a failing exec ends the chain", traceback_on_stdout(p) and "not reached" not in p.out,
            show(p))
    # --no-follow does not wait for the program, so like mpremote it reports neither its output
    # nor its exception; the next command on the board still works.
    p = m.run("exec", "--no-follow", "print('nf')\n1/0", "+", "eval", "'after'")
    t.check(f"{label}: exec --no-follow: no traceback, exit 0, board usable after",
            ok(p) and p.out == "after\n", show(p))


def fs_commands(t, m, label, dirs=True, big=100_000, host_state=None):
    work = temp_dir("e2e-mpr-fs-")
    try:
        blob = binary_blob(big)
        local = os.path.join(work, "blob.bin")
        with open(local, "wb") as f:
            f.write(blob)
        text = os.path.join(work, "note.txt")
        with open(text, "w") as f:
            f.write("first line\nsecond line\n")
        rdir = ":d/" if dirs else ":"
        if dirs:
            m.run("fs", "rm", "-r", ":d")
            p = m.run("fs", "mkdir", ":d")
            t.check(f"{label}: fs mkdir", ok(p), show(p))
        begin = time.monotonic()
        p = m.run("fs", "cp", local, rdir + "blob.bin", timeout=120)
        t.check(f"{label}: fs cp up ({big} bytes)", ok(p), show(p))
        t.note(f"{label}: fs cp up of {big} bytes took {time.monotonic() - begin:.2f} s")
        if host_state:
            on_host = os.path.join(host_state, (rdir + "blob.bin")[1:])
            t.check(f"{label}: uploaded file is on the board's flash",
                    os.path.exists(on_host) and open(on_host, "rb").read() == blob)
        p = m.run("fs", "cp", text, rdir + "note.txt")
        t.check(f"{label}: fs cp up (text)", ok(p), show(p))
        p = m.run("fs", "cat", rdir + "note.txt")
        t.check(f"{label}: fs cat", ok(p) and p.out == "first line\nsecond line\n", show(p))
        back = os.path.join(work, "back.bin")
        begin = time.monotonic()
        p = m.run("fs", "cp", rdir + "blob.bin", back, timeout=120)
        t.note(f"{label}: fs cp down of {big} bytes took {time.monotonic() - begin:.2f} s")
        t.check(f"{label}: fs cp down gives the same bytes",
                ok(p) and os.path.exists(back) and open(back, "rb").read() == blob, show(p))
        p = m.run("fs", "ls", rdir)
        t.check(f"{label}: fs ls shows names and sizes",
                ok(p) and "blob.bin" in p.out and str(big) in p.out and "note.txt" in p.out, show(p))
        p = m.run("fs", "touch", rdir + "empty.txt")
        t.check(f"{label}: fs touch", ok(p), show(p))
        p = m.run("fs", "ls", rdir)
        t.check(f"{label}: touched file listed", ok(p) and "empty.txt" in p.out, show(p))
        p = m.run("fs", "sha256sum", rdir + "blob.bin")
        t.check(f"{label}: fs sha256sum", ok(p) and hashlib.sha256(blob).hexdigest() in p.out, show(p))
        if dirs:
            m.run("fs", "mkdir", ":d/sub")
            m.run("fs", "cp", text, ":d/sub/inner.txt")
            p = m.run("fs", "tree", ":d")
            t.check(f"{label}: fs tree", ok(p) and "sub" in p.out and "inner.txt" in p.out, show(p))
            p = m.run("fs", "rmdir", ":d/sub")
            t.check(f"{label}: fs rmdir of a non-empty directory fails", failed(p), show(p))
            m.run("fs", "rm", ":d/sub/inner.txt")
            p = m.run("fs", "rmdir", ":d/sub")
            t.check(f"{label}: fs rmdir", ok(p), show(p))
        for name in ("blob.bin", "note.txt", "empty.txt"):
            p = m.run("fs", "rm", rdir + name)
            t.check(f"{label}: fs rm {name}", ok(p), show(p))
        p = m.run("fs", "ls", rdir)
        t.check(f"{label}: removed files are gone", ok(p) and "blob.bin" not in p.out, show(p))
        if dirs:
            p = m.run("fs", "rmdir", ":d")
            t.check(f"{label}: fs rmdir (empty)", ok(p), show(p))

        # Missing files, on either side.
        p = m.run("fs", "cat", ":no_such_file.txt")
        t.check(f"{label}: fs cat of a missing remote file fails, naming it",
                failed(p) and "no_such_file.txt" in p.err, show(p))
        p = m.run("fs", "cp", os.path.join(work, "no_such_local"), ":x.bin")
        t.check(f"{label}: fs cp of a missing local file fails, naming it",
                failed(p) and "no_such_local" in p.err, show(p))
        p = m.run("fs", "cp", ":no_such_file.bin", os.path.join(work, "never.bin"))
        t.check(f"{label}: fs cp of a missing remote file fails, naming it, no local file",
                failed(p) and "no_such_file.bin" in p.err and
                not os.path.exists(os.path.join(work, "never.bin")), show(p))
    finally:
        shutil.rmtree(work)


def repl_session(t, m, label):
    """`mpr ... repl` on a pty of its own, typed at like a person would."""
    master, slave = pty.openpty()
    p = subprocess.Popen(m.argv("repl"), stdin=slave, stdout=slave, stderr=slave, close_fds=True)
    os.close(slave)
    seen = b""

    def read_until(marker, timeout=15):
        nonlocal seen
        deadline = time.monotonic() + timeout
        while marker not in seen and time.monotonic() < deadline:
            r, _, _ = select.select([master], [], [], 0.1)
            if r:
                try:
                    seen += os.read(master, 4096)
                except OSError:
                    break
        return marker in seen

    try:
        time.sleep(0.5)
        os.write(master, b"\r")
        got_prompt = read_until(b">>> ")
        t.check(f"{label}: repl shows the prompt", got_prompt, seen[-300:])
        seen = b""
        os.write(master, b"6*7\r")
        t.check(f"{label}: repl evaluates typed input", read_until(b"42"), seen[-300:])
        os.write(master, b"\x1d")  # Ctrl-]: leave
        try:
            code = p.wait(10)
        except subprocess.TimeoutExpired:
            p.kill()
            code = None
        t.check(f"{label}: Ctrl-] leaves the repl with exit 0", code == 0, f"exit {code}")
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
        os.close(master)


# --- sim -----------------------------------------------------------------------------------

def test_sim(t, mpr, board_pty):
    state = temp_dir("e2e-mpr-sim-")
    try:
        m = Mpr(mpr, ["connect", "sim"], ["--sim-dir", state])
        times = []
        for _ in range(5):
            p = m.run("exec", "pass")
            times.append(p.elapsed)
        t.check("connect sim: exec works", ok(p), show(p))
        t.note(f"connect sim: one exec (start board, run, stop) {min(times):.2f} s best of 5")
        basic_commands(t, m, "connect sim")
        fs_commands(t, m, "connect sim", host_state=state)
        repl_session(t, m, "connect sim")
        p = m.run("exec", "open('kept.txt','w').write('x')")
        p = m.run("exec", "import os\nprint('kept.txt' in os.listdir())")
        t.check("connect sim: files persist across mpr runs", ok(p) and p.out.strip() == "True", show(p))

        with SimBoard(board_pty, state) as board:
            m = Mpr(mpr, ["connect", board.path])
            basic_commands(t, m, "sim on a pty")
            fs_commands(t, m, "sim on a pty", big=300_000, host_state=state)
            busy_port(t, m, board.path)
            more_commands(t, m, board.path)
            host_interrupt(t, mpr, board.path)
        killed_mid_copy(t, mpr, board_pty, state)
        killed_mid_upload(t, mpr, board_pty, state)
        other_errors(t, mpr, board_pty)
    finally:
        shutil.rmtree(state, ignore_errors=True)


def more_commands(t, m, port):
    """The commands basic_commands and fs_commands leave out, on a board that has `machine`."""
    year = time.localtime().tm_year
    p = m.run("rtc")
    t.check("rtc: the board's date", ok(p) and p.out.startswith(f"({year}, "), show(p))
    p = m.run("exec", "import machine\nmachine.RTC().datetime((2020, 1, 2, 3, 4, 5, 6, 0))",
              "+", "soft-reset", "+", "rtc")
    t.check("rtc: a set RTC keeps its time across a soft reset",
            ok(p) and p.out.startswith("(2020, 1, 2, 3, 4, 5, "), show(p))
    p = m.run("rtc", "--set", "+", "rtc")
    t.check("rtc --set: the host's time", ok(p) and p.out.startswith(f"({year}, "), show(p))

    p = m.run("exec", "x = 1")
    p = m.run("resume", "eval", "'x' in globals()")
    t.check("resume: no soft reset, variables kept", ok(p) and p.out == "True\n", show(p))
    p = m.run("eval", "'x' in globals()")
    t.check("without resume: soft reset, variables gone", ok(p) and p.out == "False\n", show(p))
    p = m.run("exec", "x = 1", "+", "resume", "eval", "'x' in globals()")
    t.check("reset: setup (a variable that only a reset clears)", ok(p) and p.out == "True\n", show(p))
    p = m.run("reset")
    t.check("reset: exit 0", ok(p), show(p))
    time.sleep(0.3)  # the reset comes 100 ms after mpr returns; a Ctrl-C before it would stop it
    p = m.run("resume", "eval", "'x' in globals()")
    t.check("reset: the board restarted (variables gone)", ok(p) and p.out == "False\n", show(p))

    begin = time.monotonic()
    p = m.run("sleep", "0.5", "+", "eval", "6*7")
    t.check("sleep then eval", ok(p) and p.out == "42\n" and time.monotonic() - begin >= 0.5, show(p))
    p = m.run("df")
    lines = p.out.splitlines()
    t.check("df: header and the root file system",
            ok(p) and lines[0].split() == ["filesystem", "size", "used", "avail", "use%", "mounted", "on"]
            and any(line.endswith(" /") for line in lines[1:]), show(p))

    m.run("fs", "rm", "-r", ":ed")
    m.run("exec", "import os\nos.mkdir('ed')\nopen('ed/f.txt', 'w').write('old text\\n')")
    p = m.run("edit", ":ed/f.txt", env={"EDITOR": "sed -i s/old/new/"})
    t.check("edit: the editor's change is written back", ok(p), show(p))
    p = m.run("fs", "cat", ":ed/f.txt")
    t.check("edit: file changed on the board", ok(p) and p.out == "new text\n", show(p))
    p = m.run("edit", ":ed/f.txt", env={"EDITOR": ""})
    t.check("edit without $EDITOR: error, exit 1", failed(p) and "EDITOR" in p.err, show(p))
    p = m.run("fs", "tree", "-v", ":ed")
    t.check("fs tree -v names the device", ok(p) and p.out.startswith(f"tree :ed\n:ed on {port}\n")
            and "f.txt" in p.out, show(p))
    p = m.run("fs", "rm", "-r", ":ed")
    t.check("fs rm -r: quiet per file by default (as mpremote)",
            ok(p) and p.out == "rm :ed\n", show(p))
    m.run("exec", "import os\nos.mkdir('ed')\nopen('ed/f.txt', 'w').write('x')")
    p = m.run("fs", "rm", "-r", "-v", ":ed")
    t.check("fs rm -r -v: a line per file and directory",
            ok(p) and "removed: 'ed/f.txt'" in p.out and "removed directory: 'ed'" in p.out, show(p))

    p = m.run("version", connect=False)
    t.check("version", ok(p) and p.out.startswith("mpr "), show(p))
    p = m.run("devs", connect=False)
    t.check("devs: exit 0, nothing on stderr", ok(p) and p.err == "", show(p))
    # This machine has no USB serial ports; ptys are not listed (as mpremote), so `devs` prints
    # either nothing or only lines that name a /dev port with its description.
    t.check("devs: every line names a /dev port", all(
        line.startswith("/dev/") and len(line.split()) >= 2 for line in p.out.splitlines()), show(p))
    t.check("devs: the sim board's pty is not listed as a serial port", port not in p.out, show(p))

    work = temp_dir("e2e-mpr-config-")
    try:
        config = os.path.join(work, "config.json")
        with open(config, "w") as f:
            f.write('{"device": "%s", "commands": {"hello": "exec print(\'hi-alias\')",\n'
                    '  "double x=4": "eval x*2",\n'
                    '  "both": {"command": ["hello", "+", "double", "5"], "help": "say hi, double 5"}}}\n'
                    % port)
        env = {"MPR_CONFIG": config}
        p = m.run("hello", connect=False, env=env)
        t.check("config: alias, device from the config file", ok(p) and p.out == "hi-alias\n", show(p))
        p = m.run("double", connect=False, env=env)
        t.check("config: alias parameter default", ok(p) and p.out == "8\n", show(p))
        p = m.run("both", connect=False, env=env)
        t.check("config: alias of aliases, chained", ok(p) and p.out == "hi-alias\n10\n", show(p))
        p = m.run("help", connect=False, env=env)
        t.check("help: commands and the config's aliases",
                ok(p) and "  exec " in p.out and "say hi, double 5" in p.out, show(p))

        capture = os.path.join(work, "capture.txt")
        repl_inject(t, m, capture)
    finally:
        shutil.rmtree(work)


def repl_inject(t, m, capture):
    master, slave = pty.openpty()
    p = subprocess.Popen(m.argv("repl", "--capture", capture, "--inject-code", "print('inj' + 'ected')\\n"),
                         stdin=slave, stdout=slave, stderr=slave, close_fds=True)
    os.close(slave)
    seen = b""
    try:
        deadline = time.monotonic() + 15
        os.write(master, b"\r")
        while b">>> " not in seen and time.monotonic() < deadline:
            if select.select([master], [], [], 0.1)[0]:
                seen += os.read(master, 4096)
        os.write(master, b"\x0a")  # Ctrl-J: type the inject code
        while b"injected\r\n" not in seen and time.monotonic() < deadline:
            if select.select([master], [], [], 0.1)[0]:
                seen += os.read(master, 4096)
        os.write(master, b"\x18")  # Ctrl-x: leave
        code = p.wait(10)
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
        os.close(master)
    t.check("repl --inject-code: Ctrl-J runs it, Ctrl-x leaves with exit 0",
            code == 0 and b"injected\r\n" in seen, seen[-300:])
    with open(capture, "rb") as f:
        captured = f.read()
    t.check("repl --capture: the session's output is in the file",
            b"print('inj' + 'ected')" in captured and b"injected\r\n" in captured, captured[-300:])


def host_interrupt(t, mpr, port):
    """Ctrl-C on the host (SIGINT to mpr) interrupts the program running on the board."""
    loop = "import time\nprint('start')\nwhile True:\n    time.sleep(0.05)\n"
    p = subprocess.Popen([mpr, "connect", port, "exec", loop], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 15
        first = b""
        while b"start" not in first and time.monotonic() < deadline:
            # select first: a bare read would block past the deadline if nothing comes
            if select.select([p.stdout], [], [], 0.1)[0]:
                chunk = p.stdout.read1(64)
                if not chunk:
                    break
                first += chunk
        t.check("host Ctrl-C: the program started", b"start" in first, first)
        p.send_signal(signal.SIGINT)
        out, err = p.communicate(timeout=15)
    finally:
        if p.poll() is None:
            p.kill()
    t.check("host Ctrl-C: the board stops with KeyboardInterrupt (on stdout, as mpremote), mpr exits 1",
            p.returncode == 1 and b"Traceback" in out
            and out.rstrip().rsplit(b"\n", 1)[-1].strip().startswith(b"KeyboardInterrupt"),
            f"rc={p.returncode} out={out[-200:]!r} err={err[-200:]!r}")
    q = subprocess.run([mpr, "connect", port, "exec", "print('alive')"], capture_output=True, timeout=30)
    t.check("host Ctrl-C: the board is usable afterwards", q.returncode == 0 and q.stdout.strip() == b"alive",
            f"rc={q.returncode} out={q.stdout!r} err={q.stderr!r}")


def holds(pid, path):
    """Whether process `pid` has `path` open."""
    try:
        fds = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        return False
    for fd in fds:
        try:
            if os.readlink(f"/proc/{pid}/fd/{fd}") == path:
                return True
        except OSError:
            pass
    return False


def busy_port(t, m, path):
    slow = subprocess.Popen(m.argv("exec", "import time\ntime.sleep(4)"), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        # Wait until the first mpr has the port open (its fds in /proc), however slow the machine.
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and not holds(slow.pid, path):
            time.sleep(0.05)
        time.sleep(0.2)
        p = m.run("exec", "print(1)", timeout=30)
        t.check("a port in use by another mpr: error, exit 1",
                failed(p) and "busy" in p.err.lower(), show(p))
    finally:
        slow.wait(30)


def run_and_kill_board(board, argv):
    """Runs mpr with `argv` and kills the board about a second into its transfer, once mpr holds
    the port.  Returns (finished before the kill, mpr's exit status, its stderr)."""
    copy = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and not holds(copy.pid, board.path):
        time.sleep(0.05)
    time.sleep(1.0)  # well into a multi-megabyte transfer (it takes seconds)
    finished_early = copy.poll() is not None
    board.proc.kill()  # board_pty dies: the client's pty goes away mid-transfer
    board.proc.wait()
    try:
        _, err = copy.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        copy.kill()
        _, err = copy.communicate()
    return finished_early, copy.returncode, err


def killed_mid_copy(t, mpr, board_pty, state):
    """The board dies while a file is copied down: the local file keeps its old contents."""
    big = binary_blob(4_000_000, seed=7)
    with open(os.path.join(state, "huge.bin"), "wb") as f:
        f.write(big)
    work = temp_dir("e2e-mpr-kill-")
    try:
        dest = os.path.join(work, "huge.bin")
        with open(dest, "wb") as f:
            f.write(b"old contents")
        with SimBoard(board_pty, state) as board:
            m = Mpr(mpr, ["connect", board.path])
            finished_early, returncode, err = run_and_kill_board(board, m.argv("fs", "cp", ":huge.bin", dest))
        if finished_early:
            t.check("board killed mid-copy (the copy finished before the kill: make it bigger)", False)
        else:
            t.check("board killed mid-copy: mpr fails with exit 1", returncode == 1, err)
            t.expect_equal("board killed mid-copy: local file untouched", open(dest, "rb").read(),
                           b"old contents")
            t.expect_equal("board killed mid-copy: no stray files", sorted(os.listdir(work)), ["huge.bin"])
    finally:
        os.remove(os.path.join(state, "huge.bin"))
        shutil.rmtree(work)


def killed_mid_upload(t, mpr, board_pty, state):
    """The board dies while a file is copied up: its old version stays under the real name."""
    work = temp_dir("e2e-mpr-killup-")
    try:
        local = os.path.join(work, "up.bin")
        with open(local, "wb") as f:
            f.write(binary_blob(8_000_000, seed=9))
        on_board = os.path.join(state, "up.bin")
        with open(on_board, "wb") as f:
            f.write(b"old contents")
        with SimBoard(board_pty, state) as board:
            m = Mpr(mpr, ["connect", board.path])
            finished_early, returncode, err = run_and_kill_board(board, m.argv("fs", "cp", local, ":up.bin"))
        if finished_early:
            t.check("board killed mid-upload (the copy finished before the kill: make it bigger)", False)
        else:
            t.check("board killed mid-upload: mpr fails with exit 1", returncode == 1, err)
            t.expect_equal("board killed mid-upload: the board's file keeps its old contents",
                           open(on_board, "rb").read(), b"old contents")
    finally:
        for name in ("up.bin", "up.bin.mpr~"):
            if os.path.exists(os.path.join(state, name)):
                os.remove(os.path.join(state, name))
        shutil.rmtree(work)


def other_errors(t, mpr, board_pty):
    m = Mpr(mpr, ["connect", "/dev/no_such_port_mpytools"])
    p = m.run("exec", "print(1)")
    t.check("no such port: error naming it, exit 1",
            failed(p) and "no_such_port_mpytools" in p.err, show(p))
    p = Mpr(mpr, []).run("definitely-not-a-command", connect=False)
    t.check("unknown command: error naming it, exit 1",
            failed(p) and "definitely-not-a-command" in p.err, show(p))

    # A tty with nothing behind it that answers: a timeout message, not a hang.
    with PtyBoard(board_pty, ["sleep", "600"]) as dead:
        m = Mpr(mpr, ["connect", dead.path], ["--timeout", "2"])
        p = m.run("exec", "print(1)", timeout=60)
        t.check("board not answering: timeout message, exit 1",
                failed(p) and "time" in p.err.lower(), show(p))
        t.check("board not answering: gives up in bounded time", p.elapsed < 30, f"{p.elapsed:.1f} s")


# --- micro:bit -----------------------------------------------------------------------------

def test_microbit(t, mpr, board_pty):
    with MicrobitBoard() as board:
        m = Mpr(mpr, ["connect", board.path])
        basic_commands(t, m, "microbit")
        fs_commands(t, m, "microbit", dirs=False, big=3000)
        repl_session(t, m, "microbit")
    with MicrobitBoard(board_pty) as board:
        m = Mpr(mpr, ["connect", board.path])
        p = m.run("exec", "print('via board_pty')")
        t.check("microbit behind board_pty: exec", ok(p) and p.out.strip() == "via board_pty", show(p))


# --- MicroPython's unix port (not built by this project: given by path) -------------------

def test_unix(t, mpr, board_pty, unix_port):
    # The unix port's file system is the host's: it gets its own scratch folder as `/`, so that
    # nothing run on it can touch the host.  board_pty --restart makes it act like a board when
    # Ctrl-D at the raw REPL makes it exit.
    state = temp_dir("e2e-mpr-unix-")
    try:
        with UnixBoard(board_pty, unix_port, root=state) as board:
            m = Mpr(mpr, ["connect", board.path])
            with open(os.path.join(state, "marker.txt"), "w") as f:
                f.write("scratch")
            p = m.run("exec", "import os\nprint(sorted(os.listdir('/')))\n"
                      "try:\n    open('/etc/passwd')\n    print('host visible')\nexcept OSError:\n    print('confined')")
            t.check("unix port: its / is the test's scratch folder, the host's files are out of reach",
                    ok(p) and p.out == "['marker.txt']\nconfined\n", show(p))
            os.remove(os.path.join(state, "marker.txt"))
            basic_commands(t, m, "unix port")
            fs_commands(t, m, "unix port", host_state=state)
            repl_session(t, m, "unix port")
    finally:
        shutil.rmtree(state, ignore_errors=True)


def main():
    return checks.main("mpr", {"sim": (test_sim, "mpr", "board_pty"), "unix": (test_unix, "mpr", "board_pty", "unix_port"), "microbit": (test_microbit, "mpr", "board_pty")}, boards=True)


if __name__ == "__main__":
    sys.exit(main())
