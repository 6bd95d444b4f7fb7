"""mpr over MicroPython's WebREPL (`connect ws://HOST:PORT --password PW`, issue #11).

Boards:
  sim   the sim board behind its WebREPL listener (`board.mjs --webrepl 0`, our bridge in front
        of MicroPython's REPL), the CI board;
  unix  MicroPython's unix port built with its `websocket` and `_webrepl` modules and
        micropython-lib's webrepl.py frozen in (tests/compat/webrepl_unix.sh says how), running
        webrepl.start_foreground() on 127.0.0.1 with a folder of its own as `/`.

Checks: exec and eval; fs cp both ways of a text and a binary file (sha256 computed by a separate
exec on the board, and the copy back compared byte for byte); fs ls and rm; mount of a host folder
with a module imported from it; mip install of a local module (sha256 checked on the board); a wrong and a missing password (exit 1, an error naming the
address); the password from $MPR_WEBREPL_PASSWORD; a second client while the first runs (served
after it); WebREPL's own binary records (version, file put and get, by a client of the test's
own); fs cp's bytes going in those records; a server that is gone (exit 1, clear error).
"""
import argparse
import base64
import hashlib
import os
import queue
import random
import re
import shutil
import socket
import struct
import subprocess
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from boardlib import SIM_SCRIPT, UNIX_CONFINE, missing_for, temp_dir  # noqa: E402
from checks import Checks  # noqa: E402
from mprlib import Mpr, failed, ok, show, write  # noqa: E402

PASSWORD = "s3cret"
START_TIMEOUT = 60


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SimWebRepl:
    """The sim board serving WebREPL on a free port (it prints the port it got)."""

    def __init__(self, node, state_dir):
        self.node = node
        self.state_dir = state_dir
        self.proc = None
        self.port = None

    def start(self):
        self.proc = subprocess.Popen([self.node, SIM_SCRIPT, "--webrepl", "0", "--webrepl-password", PASSWORD,
                                      "--state", self.state_dir], stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
        lines = queue.Queue()
        threading.Thread(target=lambda: lines.put(self.proc.stdout.readline()), daemon=True).start()
        line = lines.get(timeout=START_TIMEOUT)
        m = re.search(rb"ws://127\.0\.0\.1:(\d+)", line)
        if not m:
            raise RuntimeError(f"the sim board's WebREPL did not start: {line!r}")
        self.port = int(m.group(1))

    def before_command(self):
        pass

    def after_concurrent_clients(self):
        pass

    def stop(self):
        if self.proc:
            self.proc.terminate()
            self.proc.wait(timeout=30)
            self.proc = None


# Run by the unix port (with -c, after UNIX_CONFINE, then its REPL with -i).  webrepl.py's
# handshake needs hashlib.sha1, which the unix port has only when built with an SSL library
# (axtls or mbedtls, git submodules a plain checkout lacks): a SHA-1 of ours (FIPS 180-4) stands
# in, for webrepl.py alone (the board's own hashlib module is unchanged).  webrepl.py wants a `network` module for its "started on" message, which the unix port has not:
# a stand-in with no interface up.  start_foreground() waits for one websocket client and makes
# it the dupterm.  The unix port's socket.makefile() opens a second file object on the socket's
# descriptor, which closes it when collected (boards return the socket itself): the handshake
# gets the socket itself as its "file".  The socket is put back to blocking so the REPL waits for input instead of
# spinning.  The unix port's sys.stdin reads file descriptor 0, not the dupterm (on a board it
# reads the REPL's input, WebREPL included), so `sys` is replaced by one whose stdin.buffer
# reads the WebREPL stream, as mount's agent needs.
UNIX_WEBREPL = """import sys,hashlib as _h
class _Sha1:
    def __init__(s,d=b''):
        s.h=[0x67452301,0xEFCDAB89,0x98BADCFE,0x10325476,0xC3D2E1F0];s.b=b'';s.n=0;s.update(d)
    def update(s,d):
        s.b+=bytes(d);s.n+=len(d)
        while len(s.b)>=64:s._block(s.b[:64]);s.b=s.b[64:]
    def _block(s,c):
        M=0xffffffff;r=lambda x,k:((x<<k)|(x>>(32-k)))&M
        w=[int.from_bytes(c[i:i+4],'big') for i in range(0,64,4)]
        for i in range(16,80):w.append(r(w[i-3]^w[i-8]^w[i-14]^w[i-16],1))
        a,b,c2,d,e=s.h
        for i in range(80):
            if i<20:f=(b&c2)|(~b&d);k=0x5A827999
            elif i<40:f=b^c2^d;k=0x6ED9EBA1
            elif i<60:f=(b&c2)|(b&d)|(c2&d);k=0x8F1BBCDC
            else:f=b^c2^d;k=0xCA62C1D6
            a,b,c2,d,e=(r(a,5)+(f&M)+e+k+w[i])&M,a,r(b,30),c2,d
        s.h=[(x+y)&M for x,y in zip(s.h,(a,b,c2,d,e))]
    def digest(s):
        n=s.n;t=_Sha1();t.h=list(s.h);t.b=s.b;t.n=n
        t.update(b'\\x80'+bytes((55-n)%%64)+(8*n).to_bytes(8,'big'))
        return b''.join(x.to_bytes(4,'big') for x in t.h)
class hashlib:
    sha1=_Sha1
    sha256=_h.sha256
sys.modules['hashlib']=hashlib
class _WLAN:
    IF_STA=0;IF_AP=1
    def __init__(s,i):pass
    def active(s):return False
class network:
    WLAN=_WLAN
sys.modules['network']=network
import webrepl,os
class _Sock:
    def __init__(s,c):s.c=c
    def makefile(s,*a):return s.c
    def __getattr__(s,n):return getattr(s.c,n)
_hs=webrepl.server_handshake
webrepl.server_handshake=lambda c:_hs(_Sock(c))
webrepl.start_foreground(port=%d,password=%r)
webrepl.client_s.setblocking(True)
class _In:
    def read(s,n=-1):
        t=os.dupterm(None);os.dupterm(t);b=b''
        while len(b)<n:
            c=t.read(1)
            if not c:break
            b+=c
        return b
    def readinto(s,buf):
        d=s.read(len(buf));buf[:len(d)]=d;return len(d)
class _Stdin:
    buffer=_In()
    def read(s,n=-1):return s.buffer.read(n).decode()
class _sys:
    pass
for _n in dir(sys):
    if not _n.startswith('__'):setattr(_sys,_n,getattr(sys,_n))
_sys.stdin=_Stdin()
sys.modules['sys']=_sys
del _WLAN,network,_n,_sys,_Sock,_hs
sys.modules['hashlib']=_h
"""


class UnixWebRepl:
    """MicroPython's unix port serving one WebREPL client per run: a client leaving ends the
    REPL (its stdin is empty), so a supervisor starts it again, as a board restarts.  Each command
    waits until the new run listens ("Starting webrepl in foreground mode" on its stdout)."""

    def __init__(self, binary, root):
        self.binary = binary
        self.root = root
        self.port = free_port()
        self.ready = threading.Semaphore(0)  # one release per run listening
        self.stopping = False
        self.proc = None
        self.log = []

    def _serve(self):
        code = UNIX_CONFINE % os.path.abspath(self.root) + UNIX_WEBREPL % (self.port, PASSWORD)
        while not self.stopping:
            self.proc = subprocess.Popen([self.binary, "-i", "-c", code], stdin=subprocess.DEVNULL,
                                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=self.root)
            for line in self.proc.stdout:
                self.log.append(line)
                del self.log[:-50]
                if b"Starting webrepl in foreground mode" in line:
                    self.ready.release()
            self.proc.wait()

    def start(self):
        threading.Thread(target=self._serve, daemon=True).start()

    def before_command(self):
        # A run listening that no command has used yet (the previous client's run is over).
        if not self.ready.acquire(timeout=START_TIMEOUT):
            raise RuntimeError("the unix port's WebREPL did not come (back): " + repr(b"".join(self.log)))

    def after_concurrent_clients(self):
        # The second client was served by a run of its own, which listened while the first ran.
        self.before_command()

    def stop(self):
        self.stopping = True
        if self.proc:
            self.proc.kill()


class BoardMpr:
    """mpr connected to the board's WebREPL; each run waits for the board to take a client."""

    def __init__(self, mpr_path, board, extra):
        self.board = board
        self.mpr = Mpr(mpr_path, ["connect", f"ws://127.0.0.1:{board.port}", "--password", PASSWORD], extra)

    def run(self, *args, password=True, env=None, **kw):
        self.board.before_command()
        if not password:
            self.mpr.connect = self.mpr.connect[:2]
        try:
            return self.mpr.run(*args, env=env, **kw)
        finally:
            self.mpr.connect = ["connect", f"ws://127.0.0.1:{self.board.port}", "--password", PASSWORD]


def board_sha256(m, path):
    p = m.run("exec", f"import hashlib,binascii\nh=hashlib.sha256()\nwith open({path!r},'rb') as f:\n"
              " while 1:\n  b=f.read(1024)\n  if not b:break\n  h.update(b)\n"
              "print(binascii.hexlify(h.digest()).decode())")
    return p.out.strip() if ok(p) else f"<exec failed: {show(p)}>"


def run_checks(t, m, work, label):
    addr = f"ws://127.0.0.1:{m.board.port}"
    p = m.run("exec", "print(1+1)")
    t.check(f"{label}: exec print(1+1)", ok(p) and p.out == "2\n", show(p))
    p = m.run("eval", "6*7")
    t.check(f"{label}: eval 6*7", ok(p) and p.out == "42\n", show(p))

    rng = random.Random(11)
    text = "".join(f"line {i}: {'x' * rng.randrange(0, 70)}\n" for i in range(600)).encode()
    blob = bytes(rng.randrange(256) for _ in range(30000))
    for name, data in (("text.txt", text), ("blob.bin", blob)):
        host = os.path.join(work, name)
        write(host, data)
        p = m.run("fs", "cp", host, f":{name}")
        t.check(f"{label}: fs cp {name} to the board ({len(data)} bytes)", ok(p), show(p))
        t.expect_equal(f"{label}: the board's sha256 of {name}", board_sha256(m, name), hashlib.sha256(data).hexdigest())
        back = os.path.join(work, "back-" + name)
        p = m.run("fs", "cp", f":{name}", back)
        same = ok(p) and os.path.exists(back) and open(back, "rb").read() == data
        t.check(f"{label}: fs cp {name} back from the board, byte-identical", same, show(p))

    p = m.run("fs", "cp", os.path.join(work, "blob.bin"), ":viarec.bin", env={"MPR_DEBUG": "1"})
    # The whole raw REPL trace is shorter than the file: its bytes went another way.
    t.check(f"{label}: fs cp sends the bytes in WebREPL's file records (the raw REPL trace is shorter than the file)",
            ok(p) and len(p.err) < len(blob) and board_sha256(m, "viarec.bin") == hashlib.sha256(blob).hexdigest(),
            show(p))

    p = m.run("fs", "ls", ":")
    t.check(f"{label}: fs ls shows both files with their sizes",
            ok(p) and f"{len(text)} text.txt" in p.out and f"{len(blob)} blob.bin" in p.out, show(p))
    p = m.run("fs", "rm", ":blob.bin")
    t.check(f"{label}: fs rm", ok(p), show(p))
    p = m.run("fs", "ls", ":")
    t.check(f"{label}: fs ls after rm", ok(p) and "blob.bin" not in p.out and "text.txt" in p.out, show(p))

    mounted = os.path.join(work, "mounted")
    write(os.path.join(mounted, "wrmod.py"), "def answer():\n    return 'from the host ' + str(6 * 7)\n")
    p = m.run("mount", mounted, "exec", "import wrmod; print(wrmod.answer())")
    t.check(f"{label}: mount a host folder and import a module from it",
            ok(p) and "from the host 42\n" in p.out, show(p))

    module = os.path.join(work, "pkgsrc", "wrpkg.py")
    write(module, "def hi():\n    return 'hi from mip'\n")
    p = m.run("mip", "install", module)
    installed = re.search(r"Installing: (\S+)", p.out)
    t.check(f"{label}: mip install of a local module", ok(p) and installed is not None, show(p))
    if installed:
        t.expect_equal(f"{label}: the board's sha256 of the module mip installed", board_sha256(m, installed.group(1)),
                       hashlib.sha256(open(module, "rb").read()).hexdigest())

    p = m.run("exec", "print('env')", password=False, env={"MPR_WEBREPL_PASSWORD": PASSWORD})
    t.check(f"{label}: the password from $MPR_WEBREPL_PASSWORD", ok(p) and p.out == "env\n", show(p))

    m.board.before_command()
    p = Mpr(m.mpr.path, ["connect", addr, "--password", "wrong"], m.mpr.extra).run("exec", "print(1)")
    t.check(f"{label}: a wrong password: exit 1, 'access denied' naming {addr}",
            failed(p) and f"{addr}: access denied: wrong WebREPL password" in p.err and p.out == "", show(p))
    p = m.run("exec", "print(1)", password=False, env={"MPR_WEBREPL_PASSWORD": ""})
    t.check(f"{label}: no password: exit 1, the error says how to give one",
            failed(p) and "access denied" in p.err and "--password" in p.err, show(p))


def check_second_client_waits(t, m, label):
    """WebREPL serves one client at a time and closes others at once: a second mpr started while
    the first runs tries again until the board takes it (within --timeout)."""
    m.board.before_command()
    first = subprocess.Popen(m.mpr.argv("exec", "import time\nprint('first in')\ntime.sleep(2)\nprint('first done')"),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    started = first.stdout.readline().replace(b"\r\n", b"\n")  # the first is connected and running
    second = m.mpr.run("exec", "print('second')")
    out, err = first.communicate(timeout=60)
    out = out.replace(b"\r\n", b"\n")
    m.board.after_concurrent_clients()
    t.check(f"{label}: a second client while the first runs: both served (the second tries again until the board takes it)",
            started == b"first in\n" and first.returncode == 0 and out == b"first done\n"
            and ok(second) and second.out == "second\n",
            f"first: {started!r} {out!r} {err!r}\nsecond: {show(second)}")


class RecordClient:
    """A WebREPL client of the test's own (RFC 6455 framing by hand) for WebREPL's binary file
    records, independent of mpr's use of them: they check that the sim's
    listener answers them as MicroPython's modwebrepl does (the same checks pass on the unix port)."""

    def __init__(self, port, password):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=START_TIMEOUT)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                          f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                          "Sec-WebSocket-Version: 13\r\n\r\n".encode())
        head = b""
        while not head.endswith(b"\r\n\r\n"):
            head += self.exactly(1)
        if not head.startswith(b"HTTP/1.1 101"):
            raise RuntimeError(f"no websocket upgrade: {head!r}")
        self.text_until(b"Password: ")
        self.send(1, (password + "\r").encode())
        self.text_until(b"WebREPL connected")

    def exactly(self, n):
        data = b""
        while len(data) < n:
            got = self.sock.recv(n - len(data))
            if not got:
                raise RuntimeError("the board closed the connection")
            data += got
        return data

    def message(self):
        b0, b1 = self.exactly(2)
        n = b1 & 0x7F
        if n == 126:
            n = struct.unpack(">H", self.exactly(2))[0]
        elif n == 127:
            n = struct.unpack(">Q", self.exactly(8))[0]
        mask = self.exactly(4) if b1 & 0x80 else b"\0\0\0\0"
        payload = bytes(c ^ mask[i % 4] for i, c in enumerate(self.exactly(n)))
        return b0 & 0x0F, payload

    def text_until(self, marker):
        text = b""
        while marker not in text:
            opcode, payload = self.message()
            if opcode == 1:
                text += payload

    def binary(self):
        """The next binary message (REPL text meanwhile is skipped)."""
        while True:
            opcode, payload = self.message()
            if opcode == 2:
                return payload

    def send(self, opcode, payload):
        mask = os.urandom(4)
        n = len(payload)
        head = bytes([0x80 | opcode]) + (bytes([0x80 | n]) if n < 126 else bytes([0xFE]) + struct.pack(">H", n))
        self.sock.sendall(head + mask + bytes(c ^ mask[i % 4] for i, c in enumerate(payload)))

    @staticmethod
    def header(kind, name, size=0):
        return struct.pack("<2sBBQIH64s", b"WA", kind, 0, 0, size, len(name), name.encode())

    def put(self, name, data):
        self.send(2, self.header(1, name, len(data)))
        opened = self.binary()
        for i in range(0, len(data), 1024):
            self.send(2, data[i:i + 1024])
        return opened, self.binary()

    def get(self, name):
        self.send(2, self.header(2, name))
        opened = self.binary()
        data = b""
        while opened == b"WB\0\0":
            self.send(2, b"\0")
            chunk = self.binary()
            n = int.from_bytes(chunk[:2], "little")
            if n == 0:
                break
            data += chunk[2:2 + n]
        return opened, data, self.binary() if opened == b"WB\0\0" else None

    def version(self):
        self.send(2, self.header(3, ""))
        return self.binary()

    def close(self):
        self.send(8, b"\x03\xe8")
        self.sock.close()


def check_file_records(t, m, label):
    data = bytes(random.Random(5).randrange(256) for _ in range(5000))
    m.board.before_command()
    c = RecordClient(m.board.port, PASSWORD)
    try:
        t.expect_equal(f"{label}: WebREPL's version record", c.version(), bytes([1, 27, 0]))
        t.expect_equal(f"{label}: WebREPL's put record: opened, then written", c.put("rec.bin", data), (b"WB\0\0", b"WB\0\0"))
        got = c.get("rec.bin")
        t.check(f"{label}: WebREPL's get record gives the file back", got == (b"WB\0\0", data, b"WB\0\0"),
                repr(got)[:300])
    finally:
        c.close()
    t.expect_equal(f"{label}: the board's sha256 of the file put by a record", board_sha256(m, "rec.bin"),
                   hashlib.sha256(data).hexdigest())


def check_closed_server(t, mpr_path):
    port = free_port()  # nothing listens there any more
    p = Mpr(mpr_path, ["connect", f"ws://127.0.0.1:{port}", "--password", "x"]).run("exec", "print(1)")
    t.check("a server that is gone: exit 1, 'cannot connect' naming the address",
            failed(p) and f"ws://127.0.0.1:{port}: cannot connect" in p.err, show(p))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mpr", required=True)
    ap.add_argument("--board", required=True, choices=["sim", "unix"])
    ap.add_argument("--unix-port", help="MicroPython's unix port built with WebREPL (see tests/compat/webrepl_unix.sh)")
    ap.add_argument("--node", default="node")
    args = ap.parse_args()
    t = Checks(f"webrepl/{args.board}")
    why = missing_for(args.board, args.unix_port)
    if why:
        return t.skip(why)
    work = temp_dir("e2e-webrepl-")
    root = os.path.join(work, "board")
    os.makedirs(root)
    board = SimWebRepl(args.node, root) if args.board == "sim" else UnixWebRepl(args.unix_port, root)
    try:
        board.start()
        # Generous protocol waits: the machine may be loaded (a limit, not a wait).  The unix port
        # cannot soft-reset without ending (its REPL exits), so no reset on connect there.
        extra = ["--timeout", "30"] + (["--no-reset-on-connect"] if args.board == "unix" else [])
        m = BoardMpr(args.mpr, board, extra)
        t.run(run_checks, m, work, args.board)
        t.run(check_second_client_waits, m, args.board)
        t.run(check_file_records, m, args.board)
        t.run(check_closed_server, args.mpr)
    finally:
        board.stop()
        shutil.rmtree(work, ignore_errors=True)
    return t.finish()


if __name__ == "__main__":
    sys.exit(main())
