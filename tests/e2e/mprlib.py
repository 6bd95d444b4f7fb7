"""Running the mpr program from the end-to-end scripts: one way to call it and read what it did."""
import os
import subprocess
import time


class Mpr:
    """mpr with a connection (["connect", PORT], or [] for none) and global options (`extra`)."""

    def __init__(self, path, connect, extra=(), timeout=60):
        self.path = path
        self.connect = list(connect)    # e.g. ["connect", "sim"] or ["connect", "/dev/pts/3"]
        self.extra = list(extra)        # global options, e.g. ["--sim-dir", DIR]
        self.timeout = timeout          # seconds a run may take unless the call says otherwise

    def argv(self, *args, connect=True):
        return [self.path] + self.extra + (self.connect if connect else []) + list(args)

    def run(self, *args, timeout=None, connect=True, input=None, env=None):
        """The finished process, with .out (stdout, CRLF as LF), .err and .elapsed (seconds)."""
        begin = time.monotonic()
        p = subprocess.run(self.argv(*args, connect=connect), capture_output=True,
                           timeout=self.timeout if timeout is None else timeout,
                           input=input, stdin=None if input is not None else subprocess.DEVNULL,
                           env=None if env is None else {**os.environ, **env})
        p.elapsed = time.monotonic() - begin
        p.out = p.stdout.decode(errors="replace").replace("\r\n", "\n")
        p.err = p.stderr.decode(errors="replace")
        return p


def ok(p):
    return p.returncode == 0


def failed(p):
    """mpr's failure: exit status exactly 1.  A crash or a sanitizer abort (negative status, or
    another code) after the right message is a defect, not the expected failure."""
    return p.returncode == 1


def show(p):
    return f"exit {p.returncode}\nstdout: {p.out[-1500:]!r}\nstderr: {p.err[-800:]!r}"


def write(path, data):
    """Writes a host file (bytes or text), making its folders."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb" if isinstance(data, bytes) else "w") as f:
        f.write(data)
