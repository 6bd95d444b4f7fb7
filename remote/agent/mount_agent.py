# mpr's mount agent: runs on the board and makes the host folder given to `mpr mount` appear at
# /remote.  Every file operation becomes a request to the host over the board's stdout, and the
# host's reply comes back on its stdin.
#
# mpr sends this file in pieces, split at the "#>" lines, one raw-REPL submission each, so that
# a board with little RAM never compiles more than one small piece at a time (later pieces attach
# methods to the classes of the first).  Comments and indentation are squeezed out on the way
# (comments on lines of their own only, and no '#' in strings: see remote/mount/agent_code.h).
#
# Wire format (the host side is remote/mount/mount_protocol.h):
#   request  0x1E, the mount's token, a command letter, decimal fields "len,a,b" and ":",
#            then len bytes of payload with every \r doubled (some boards' output turns "\n"
#            into "\r\n"; the host undoes both)
#   reply    0x1E, decimal fields "len a b" and "\n", then len bytes; a negative len is an errno
# (so no 0x03 can come before a reply's marker: one there is a Ctrl-C)
import io, os, sys, micropython
try:
    import vfs as _mv
except ImportError:
    _mv = os
_mi = sys.stdin.buffer
_mo = sys.stdout.buffer
_mk = micropython.kbd_intr
_mT = ''
_mC = 4096


def _mq(c, a=(), d=b'', r=1):
    # Ctrl-C goes off before the request leaves: reply bytes 0x03 arriving before we read them
    # would otherwise be taken as interrupts by the serial driver.  A real Ctrl-C (typed, or
    # sent by mpr) can only come before the reply's marker: it is raised once the reply is in.
    _mk(-1)
    i = 0
    try:
        _mo.write(('\x1e%s%s%d%s:' % (_mT, c, len(d), ''.join([',%d' % x for x in a]))).encode())
        _mo.write(d.replace(b'\r', b'\r\r'))
        if r:
            # Whatever was typed meanwhile (in the REPL) comes before the marker: skipped.
            while 1:
                x = _mi.read(1)
                if x == b'\x1e':
                    break
                if x == b'\x03':
                    i = 1
            h = b''
            while h[-1:] != b'\n':
                h += _mi.read(1)
            h = [int(x) for x in h.split()]
            d = _mi.read(h[0]) if h[0] > 0 else b''
    finally:
        _mk(3)
    if i:
        raise KeyboardInterrupt
    if r:
        if h[0] < 0:
            raise OSError(-h[0])
        return h, d

#>
class _MountFile(io.IOBase):
    # s.f: the host's handle (0: the whole file came with the open, -1: closed); s.t: text mode;
    # s.b: bytes read ahead, of which s.o are used.
    def __init__(s, f, t, b):
        s.f = f
        s.t = t
        s.b = b
        s.o = 0

    def _fill(s, n=0):
        # Appends the next piece of the file (n bytes at least) to what is left of the read-ahead;
        # returns it (b'' at the end of the file).
        d = _mq('R', (s.f, max(n, _mC)))[1] if s.f > 0 else b''
        s.b = s.b[s.o:] + d if s.o < len(s.b) else d
        s.o = 0
        return d

    def _get(s, n):
        # n bytes (n < 0: all the rest), one round trip at most and as few copies as can be:
        # a small board reads with little memory to spare.
        k = len(s.b) - s.o
        if s.f > 0 and (n < 0 or k < n):
            if n < 0 or n > _mC:
                # A big read: what is here and exactly what is missing, kept nowhere else.
                d = s.b[s.o:] + _mq('R', (s.f, -1 if n < 0 else n - k))[1]
                s.b = b''
                s.o = 0
                return d
            s._fill(n - k)
            k = len(s.b)
        if n < 0 or n >= k:
            d = s.b[s.o:] if s.o else s.b
            if s.f:
                s.b = b''
                s.o = 0
            else:
                # The whole file stays, for seek().
                s.o = len(s.b)
            return d
        s.o += n
        return s.b[s.o - n:s.o]

#>
def _mread(s, n=-1):
    d = s._get(n)
    if not s.t:
        return d
    # A multi-byte character cut in two at the end: fetch the rest of it.
    for i in range(3):
        try:
            return d.decode()
        except UnicodeError:
            d += s._get(1)
    return d.decode()


def _mreadinto(s, b):
    # All of b when the file has it: MicroPython's import takes a short read for the end.
    d = s._get(len(b))
    b[:len(d)] = d
    return len(d)


def _mreadline(s, n=-1):
    while 1:
        i = s.b.find(b'\n', s.o)
        if i >= 0:
            return s.read(i + 1 - s.o)
        if not s._fill():
            return s.read(len(s.b) - s.o)


_MountFile.read = _mread
_MountFile.readinto = _mreadinto
_MountFile.readline = _mreadline

#>
def _mw(s, b):
    # Text: the count of characters, as CPython; anything else (bytes, bytearray, array,
    # memoryview): the count of bytes.
    if type(b) is str:
        n = len(b)
        b = b.encode()
    else:
        b = bytes(b)
        n = len(b)
    s._sync()
    _mq('W', (s.f,), b)
    return n


def _msync(s):
    # The host's position is past the read-ahead: step back over what was not used.
    k = len(s.b) - s.o
    s.b = b''
    s.o = 0
    if k:
        _mq('K', (s.f, -k, 1))


def _mseek(s, o, w=0):
    if not s.f:
        s.o = max(0, min(len(s.b), (0, s.o, len(s.b))[w] + o))
        return s.o
    if w == 1:
        o -= len(s.b) - s.o
    s.b = b''
    s.o = 0
    return _mq('K', (s.f, o, w))[0][1]


def _mtell(s):
    if not s.f:
        return s.o
    return _mq('K', (s.f, 0, 1))[0][1] - len(s.b) + s.o


#>
def _mclose(s):
    if s.f > 0:
        _mq('X', (s.f,), r=0)
    s.f = -1


def _mioctl(s, r, a):
    if r == 4:
        s.close()
    return 0


def _mnext(s):
    l = s.readline()
    if l:
        return l
    raise StopIteration


_MountFile.write = _mw
_MountFile._sync = _msync
_MountFile.seek = _mseek
_MountFile.tell = _mtell
_MountFile.close = _mclose
_MountFile.flush = lambda s: None
_MountFile.ioctl = _mioctl
_MountFile.__iter__ = lambda s: s
_MountFile.__next__ = _mnext
_MountFile.readlines = lambda s, h=-1: list(s)
_MountFile.__enter__ = lambda s: s
_MountFile.__exit__ = lambda s, *a: s.close()

#>
class _MountFS:
    c = ''

    def mount(s, r, m):
        pass

    def umount(s):
        pass

    def _p(s, p):
        # The path inside the mount, from its root ("/a/b"); the host checks and resolves it.
        if type(p) is bytes:
            p = p.decode()
        return (p if p[:1] == '/' else s.c + '/' + p).encode()

    def chdir(s, p):
        s.c = _mq('C', (), s._p(p))[1].decode()

    def getcwd(s):
        return s.c or '/'

    def stat(s, p):
        h = _mq('S', (), s._p(p))[0]
        return (h[1], 0, 0, 0, 0, 0, h[2], h[3], h[3], h[3])

    def statvfs(s, p):
        return tuple(_mq('V', (), s._p(p))[0][1:])

#>
def _milistdir(s, p):
    # One line per entry: its size (-1 for a directory), a space, its name.
    for e in _mq('L', (), s._p(p))[1].split(b'\n'):
        if e:
            z, n = e.split(b' ', 1)
            z = int(z)
            yield (n.decode(), 0x4000 if z < 0 else 0x8000, 0, max(z, 0))


def _mrename(s, a, b):
    a = s._p(a)
    _mq('N', (len(a),), a + s._p(b))


def _mopen(s, p, m):
    h, d = _mq('O', (), m.encode() + b' ' + s._p(p))
    return _MountFile(h[1], 'b' not in m, d)


_MountFS.ilistdir = _milistdir
_MountFS.mkdir = lambda s, p: _mq('M', (), s._p(p)) and None
_MountFS.remove = lambda s, p: _mq('D', (), s._p(p)) and None
_MountFS.rmdir = lambda s, p: _mq('Q', (), s._p(p)) and None
_MountFS.rename = _mrename
_MountFS.open = _mopen

#>


def _mount(t, c):
    global _mT, _mC
    _mT = t
    _mC = c
    try:
        _mv.umount('/remote')
    except OSError:
        pass
    _mv.mount(_MountFS(), '/remote')
    os.chdir('/remote')


def _mumount():
    if os.getcwd()[:7] == '/remote':
        os.chdir('/')
    _mv.umount('/remote')
