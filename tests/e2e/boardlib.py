"""Boards behind ptys, and a small raw-REPL client of our own, for the end-to-end tests.

The client here is deliberately independent of mpr: it proves the boards work before mpr is
tested against them.  Standard library only (python3 >= 3.9).

Boards:
  SimBoard        node remote/sim/board.mjs behind board_pty
  UnixBoard       MicroPython's unix port behind board_pty --restart, its `/` a scratch folder
  MicrobitBoard   QEMU's BBC micro:bit with MicroPython 1.9.2, on QEMU's own pty (-serial pty)
                  or behind board_pty (-chardev stdio)
"""
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import termios
import time
import tty

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SIM_SCRIPT = os.path.join(REPO, "remote", "sim", "board.mjs")
MICROBIT_FIRMWARE = "/usr/share/firmware-microbit-micropython/firmware.hex"
UNIX_PORT = "/work/scratch/mp/ports/unix/build-standard/micropython"


class BoardError(Exception):
    pass


class Tty:
    """A serial line on a tty path: raw mode, reads with timeouts."""

    def __init__(self, path, pace=None):
        self.path = path
        self.fd = os.open(path, os.O_RDWR | os.O_NOCTTY | os.O_NONBLOCK)
        tty.setraw(self.fd)
        attrs = termios.tcgetattr(self.fd)
        attrs[3] &= ~termios.ECHO
        termios.tcsetattr(self.fd, termios.TCSANOW, attrs)
        self.pace = pace  # (bytes, seconds) or None
        self.buf = b""

    def close(self):
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None

    def write(self, data):
        chunk = len(data) if not self.pace else self.pace[0]
        for i in range(0, len(data), chunk):
            part = data[i:i + chunk]
            while part:
                select.select([], [self.fd], [], 5)
                try:
                    n = os.write(self.fd, part)
                except BlockingIOError:
                    continue
                part = part[n:]
            if self.pace and i + chunk < len(data):
                time.sleep(self.pace[1])

    def _fill(self, timeout):
        r, _, _ = select.select([self.fd], [], [], max(timeout, 0))
        if not r:
            return False
        try:
            data = os.read(self.fd, 65536)
        except (BlockingIOError, InterruptedError):
            return True
        except OSError as e:
            raise BoardError(f"read from {self.path}: {e}")
        self.buf += data
        return True

    def read_until(self, marker, timeout=10.0):
        deadline = time.monotonic() + timeout
        while True:
            i = self.buf.find(marker)
            if i >= 0:
                out = self.buf[:i + len(marker)]
                self.buf = self.buf[i + len(marker):]
                return out
            left = deadline - time.monotonic()
            if left <= 0:
                raise BoardError(f"timeout waiting for {marker!r}; got {self.buf[-300:]!r}")
            self._fill(left)

    def read_exactly(self, n, timeout=10.0):
        deadline = time.monotonic() + timeout
        while len(self.buf) < n:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BoardError(f"timeout reading {n} bytes; got {self.buf!r}")
            self._fill(left)
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def drain(self, quiet=0.05):
        """Reads and returns whatever arrives until the line is quiet for `quiet` seconds."""
        while self._fill(quiet):
            pass
        out, self.buf = self.buf, b""
        return out


class RawRepl:
    """The raw REPL protocol (MicroPython docs, reference/repl), with raw-paste when offered."""

    def __init__(self, line, use_raw_paste=True, retries=0):
        self.line = line
        self.use_raw_paste = use_raw_paste
        self.retries = retries   # re-sends of code the board did not acknowledge (lossy lines)
        self.retried = 0
        self.paste_reply = None  # the board's answer to the raw-paste request, once asked

    def enter(self, timeout=10.0):
        self.line.write(b"\r\x03")
        time.sleep(0.05)
        self.line.write(b"\x03")
        time.sleep(0.05)
        self.line.drain()
        self.line.write(b"\r\x01")
        self.line.read_until(b"raw REPL; CTRL-B to exit\r\n>", timeout)

    def leave(self):
        self.line.write(b"\r\x02")

    def soft_reset(self, timeout=10.0):
        """Ctrl-D at the raw REPL: the board reboots and comes back in the raw REPL."""
        self.line.write(b"\x04")
        self.line.read_until(b"soft reboot\r\n", timeout)
        self.line.read_until(b"raw REPL; CTRL-B to exit\r\n>", timeout)

    def _send_paste(self, code, timeout):
        self.line.write(b"\x05A\x01")
        reply = self.line.read_exactly(2, timeout)
        self.paste_reply = reply
        if reply == b"R\x00":
            return False
        if reply != b"R\x01":
            # Firmware older than raw-paste: it answered with the raw REPL banner again
            # ("raw REPL; CTRL-B to exit\r\n>"), of which we read "ra".
            self.line.read_until(b"w REPL; CTRL-B to exit\r\n>", timeout)
            self.use_raw_paste = False
            return False
        window = int.from_bytes(self.line.read_exactly(2, timeout), "little")
        remain = window
        i = 0
        while i < len(code):
            # Act on flow-control bytes that arrived; wait for one when the window is used up.
            while remain == 0 or self.line.buf or self.line._fill(0):
                if not self.line.buf:
                    if not self.line._fill(timeout):
                        raise BoardError("timeout in raw-paste flow control")
                    continue
                b, self.line.buf = self.line.buf[:1], self.line.buf[1:]
                if b == b"\x01":
                    remain += window
                elif b == b"\x04":  # the board ends the reception early (e.g. a syntax error)
                    self.line.write(b"\x04")
                    return True
                else:
                    raise BoardError(f"unexpected byte in raw-paste: {b!r}")
            n = min(remain, len(code) - i)
            self.line.write(code[i:i + n])
            remain -= n
            i += n
        self.line.write(b"\x04")
        self.line.read_until(b"\x04", timeout)
        return True

    def exec_raw(self, code, timeout=10.0):
        """Runs `code`; returns (output, error text) as bytes.  On a line that loses bytes
        (retries > 0) code that arrived damaged, so that it did not compile and did not run, is
        sent again: the tests send only code that compiles."""
        for attempt in range(self.retries + 1):
            out, err = self._exec_once(code, timeout)
            if not (self.retries and b"SyntaxError" in err and attempt < self.retries):
                return out, err
            self.retried += 1
        return out, err

    def _exec_once(self, code, timeout):
        if isinstance(code, str):
            code = code.encode()
        pasted = False
        if self.use_raw_paste:
            pasted = self._send_paste(code, timeout)
        if not pasted:
            for attempt in range(self.retries + 1):
                self.line.write(code)
                self.line.write(b"\x04")
                try:
                    self.line.read_until(b"OK", min(timeout, 3.0) if attempt < self.retries else timeout)
                    break
                except BoardError:
                    if attempt == self.retries:
                        raise
                    # A byte got lost on the way (the micro:bit drops input when the host is
                    # busy): clear the board's line buffer and send the code again.
                    self.retried += 1
                    self.line.write(b"\x03")
                    time.sleep(0.1)
                    self.line.drain()
                    self.line.write(b"\x01")
                    self.line.read_until(b"raw REPL; CTRL-B to exit\r\n>", timeout)
        out = self.line.read_until(b"\x04", timeout)[:-1]
        err = self.line.read_until(b"\x04", timeout)[:-1]
        self.line.read_until(b">", timeout)
        return out, err

    def exec(self, code, timeout=10.0):
        out, err = self.exec_raw(code, timeout)
        if err:
            raise BoardError(f"board raised: {err.decode(errors='replace')}")
        return out

    def eval(self, expr, timeout=10.0):
        return self.exec(f"print(repr({expr}))", timeout).decode().strip()


def _wait_for_line(proc, pattern, timeout):
    """Reads the process's stdout until a line matches; returns the match."""
    deadline = time.monotonic() + timeout
    seen = b""
    while time.monotonic() < deadline:
        r, _, _ = select.select([proc.stdout], [], [], deadline - time.monotonic())
        if not r:
            break
        data = os.read(proc.stdout.fileno(), 4096)
        if not data:
            break
        seen += data
        m = re.search(pattern, seen)
        if m:
            return m
    raise BoardError(f"board did not start: {seen!r}")


class Board:
    """A board process and the tty path a client opens."""

    name = "board"
    pace = None
    supports_dirs = True

    def __init__(self):
        self.proc = None
        self.path = None

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc and self.proc.stdout:
            self.proc.stdout.close()
        self.proc = None

    def open(self):
        return Tty(self.path, self.pace)

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()


class PtyBoard(Board):
    """Any board command behind board_pty."""

    def __init__(self, board_pty, command, restart=False, pace=None, baud=None, reset_status=None, sigint=False):
        super().__init__()
        self.board_pty = board_pty
        self.command = command
        self.restart = restart
        self.pace_arg = pace
        self.baud = baud                  # board_pty --baud: a UART's speed limit, both ways
        self.reset_status = reset_status  # board_pty --reset-status
        self.sigint = sigint              # board_pty --sigint

    def start(self, timeout=20.0):
        args = [self.board_pty]
        if self.restart:
            args.append("--restart")
        if self.pace_arg:
            args += ["--pace", self.pace_arg]
        if self.baud:
            args += ["--baud", str(self.baud)]
        if self.reset_status is not None:
            args += ["--reset-status", str(self.reset_status)]
        if self.sigint:
            args.append("--sigint")
        args += ["--"] + self.command
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
        self.path = _wait_for_line(self.proc, rb"(/dev/pts/\d+)\n", timeout).group(1).decode()
        return self


class SimBoard(PtyBoard):
    name = "sim"

    def __init__(self, board_pty, state_dir, node="node", baud=None):
        super().__init__(board_pty, [node, SIM_SCRIPT, "--state", state_dir], baud=baud)
        self.state_dir = state_dir


# Runs first in the unix port (with -c, before its REPL): puts the host folder ROOT at `/` in
# place of the host's root.  The object mounted there hands each call to a VfsPosix of ROOT,
# refusing paths with '..' (so nothing outside ROOT is reachable), except rename: MicroPython
# 1.27's VfsPosix with a root builds both of rename's paths in one buffer (the file is renamed
# onto itself, or ENOENT), so rename goes to a VfsPosix without a root, given whole paths.
UNIX_CONFINE = """import vfs,os
def _confine(root):
    v=vfs.VfsPosix(root);raw=vfs.VfsPosix()
    def ok(p):
        if '..' in p.split('/'):raise OSError(1)
        return p
    def host(p):
        return root+ok(p) if p[:1]=='/' else ok(p)
    class Root:
        pass
    r=Root()
    for n in ('open','ilistdir','stat','statvfs','mkdir','rmdir','remove','chdir'):
        setattr(r,n,(lambda f:lambda p,*a:f(ok(p),*a))(getattr(v,n)))
    r.mount=v.mount;r.umount=v.umount;r.getcwd=v.getcwd
    r.rename=lambda a,b:raw.rename(host(a),host(b))
    vfs.umount('/');vfs.mount(r,'/');os.chdir('/')
_confine(%r)
del _confine,vfs,os
"""


# The unix port has no machine.reset(): our test bridge gives it one that exits the process with
# UNIX_RESET_STATUS, which board_pty --reset-status turns into a restart as at power-on (banner,
# friendly REPL, no "soft reboot"), as a board's hard reset looks from its UART.  bootloader()
# does the same (a board whose bootloader comes back as MicroPython).  sys.modules is the one
# place a module can be replaced in the unix port (its built-in `machine` takes no attributes).
UNIX_RESET_STATUS = 42
UNIX_MACHINE = """import sys,machine as _m
class machine:
    pass
for _n in dir(_m):
    if not _n.startswith('__'):setattr(machine,_n,getattr(_m,_n))
def _reset():
    sys.exit(%d)
machine.reset=machine.bootloader=_reset
sys.modules['machine']=machine
del _m,_n,_reset,machine
""" % UNIX_RESET_STATUS


def unix_port_command(binary, root, heap=None):
    """The command that starts MicroPython's unix port with the host folder `root` as its `/`.

    Left alone, the unix port's `/` is the host's root, and a test (mpremote's own
    test_filesystem.sh runs `rm -r :/`) could damage the host.  UNIX_CONFINE, given with -c,
    mounts `root` in its place before the REPL starts (-i); board_pty --restart runs the command
    again after each soft reset, so it holds throughout."""
    heap_option = ["-X", f"heapsize={heap}"] if heap else []
    return [binary] + heap_option + ["-i", "-c", UNIX_CONFINE % os.path.abspath(root) + UNIX_MACHINE]


class UnixBoard(PtyBoard):
    """The unix port behind board_pty --restart, its `/` the folder `root`, or a temporary folder
    of its own (made at start, removed at stop) when none is given."""

    name = "unix"

    def __init__(self, board_pty, binary=UNIX_PORT, root=None, heap=None, baud=None, sigint=False):
        # sigint (board_pty --sigint): Ctrl-C interrupts running code, as on a board (the unix port
        # only hears SIGINT).  Off by default: a mount's binary channel carries 0x03 bytes as data.
        super().__init__(board_pty, [], restart=True, baud=baud, reset_status=UNIX_RESET_STATUS, sigint=sigint)
        self.binary = binary
        self.root = root
        self.heap = heap
        self.own_root = root is None

    def start(self, timeout=20.0):
        if self.root is None:
            self.root = tempfile.mkdtemp(prefix="e2e-unix-root-")
        self.command = unix_port_command(self.binary, self.root, self.heap)
        return super().start(timeout)

    def stop(self):
        super().stop()
        if self.own_root and self.root:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None


class MicrobitBoard(Board):
    """QEMU's micro:bit.  Its UART is QEMU's own pty (-serial pty), or board_pty's."""

    name = "microbit"
    supports_dirs = False
    # Unpaced bursts of 500 bytes or more lose bytes while the board is busy (REFERENCE.md).
    pace = (256, 0.01)

    def __init__(self, board_pty=None, qemu="qemu-system-arm"):
        super().__init__()
        self.board_pty = board_pty
        self.qemu = qemu

    def start(self, timeout=20.0):
        base = [self.qemu, "-M", "microbit", "-device", f"loader,file={MICROBIT_FIRMWARE}"]
        if self.board_pty:
            # Pipes, not a pty: QEMU turns output post-processing on ("\n" -> "\r\n") on a tty.
            args = [self.board_pty, "--pipe", "--"] + base + [
                "-chardev", "stdio,id=s0,signal=off", "-serial", "chardev:s0",
                "-display", "none", "-monitor", "none"]
            self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
            self.path = _wait_for_line(self.proc, rb"(/dev/pts/\d+)\n", timeout).group(1).decode()
        else:
            args = base + ["-nographic", "-serial", "pty", "-monitor", "none"]
            self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                         stdin=subprocess.DEVNULL)
            self.path = _wait_for_line(self.proc, rb"redirected to (/dev/pts/\d+)",
                                       timeout).group(1).decode()
        return self


def sim_runtime_present():
    """Whether the sim board can find MicroPython's webassembly runtime (remote/sim/runtime.mjs)."""
    env = os.environ.get("MPYTOOLS_MICROPYTHON_WASM")
    if env:
        return os.path.exists(env)
    return os.path.exists(os.path.join(REPO, "node_modules", "@micropython",
                                       "micropython-webassembly-pyscript", "micropython.mjs"))


def have(program):
    return shutil.which(program) is not None


def temp_dir(prefix):
    return tempfile.mkdtemp(prefix=prefix)




def missing_for(board, unix_port=None):
    """Why the tests of `board` ("sim", "microbit", "unix", "pty") cannot run here, or None."""
    if board == "sim":
        if not have("node"):
            return "node is not installed"
        if not sim_runtime_present():
            return "the MicroPython webassembly runtime is not installed (npm install)"
    elif board == "microbit":
        if not have("qemu-system-arm") or not os.path.exists(MICROBIT_FIRMWARE):
            return "qemu-system-arm or the micro:bit firmware is not installed"
    elif board == "unix":
        if not unix_port or not os.access(unix_port, os.X_OK):
            return "no MicroPython unix port given (--unix-port)"
    return None

if __name__ == "__main__":
    # For shell scripts: `boardlib.py unix-confine ROOT` prints the -c code that gives the unix
    # port ROOT as its `/` (see UNIX_CONFINE).
    if len(sys.argv) != 3 or sys.argv[1] != "unix-confine":
        sys.exit("usage: boardlib.py unix-confine ROOT")
    print(UNIX_CONFINE % os.path.abspath(sys.argv[2]), end="")
