#!/usr/bin/env python3
"""End-to-end tests of `mpr mip` against boards behind ptys, from an index v2 built here from
packages of our own (mip_index.py) and served on 127.0.0.1 over HTTP and HTTPS.

  sim   `mpr connect sim` and the sim board behind board_pty
  unix  MicroPython's unix port behind board_pty --restart, its `/` a scratch folder
  microbit  QEMU's micro:bit (no folders): a flat install, the refusal of a package with folders

usage: test_mip.py --mpr PATH --mpyc PATH --board-pty PATH --board {sim,unix,microbit} [--unix-port PATH]
Exit status: 0 all passed, 1 a test failed, 77 skipped (node or the unix port missing).
"""
import hashlib
import os
import shutil
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from boardlib import (MICROBIT_FIRMWARE, MicrobitBoard, PtyBoard, SimBoard, UnixBoard, have,  # noqa: E402
                      sim_runtime_present, temp_dir)
import checks  # noqa: E402
from mip_index import IndexBuilder, Server, h8, make_certificate, write_tree  # noqa: E402
from test_mpr import Mpr, failed, ok, show  # noqa: E402

LIB = "/lib"  # the sim board's lib folder (sys.path); the unix port's is found by probing

# Prints every file under / as "path sha256", and every folder as "path/".
SNAPSHOT = """\
import os, hashlib, binascii
def _w(d):
    for e in sorted(os.ilistdir(d)):
        p = (d if d != '/' else '') + '/' + e[0]
        if e[1] == 0x4000:
            print(p + '/')
            _w(p)
        else:
            f = open(p, 'rb'); h = hashlib.sha256(f.read()); f.close()
            print(p, binascii.hexlify(h.digest()).decode())
_w('/')
"""

# A file system with a quota, mounted at /small: writes past `limit` bytes raise ENOSPC (a
# board that fills up).  Its files are kept in the board's own file system under BASE (a path of
# the runtime's VfsPosix), so they can be looked at after the mount is gone.
QUOTA = """\
import vfs, os
class _Quota:
    def __init__(s, base, left):
        s.b = base; s.left = left; s.i = vfs.VfsPosix()
    def _p(s, p):
        return s.b + ('' if not p or p.startswith('/') else '/') + p
    def mount(s, *a):
        pass
    def umount(s):
        pass
    def open(s, p, m):
        f = s.i.open(s._p(p), m)
        if 'w' not in m and 'a' not in m:
            return f
        q = s
        class W:
            def write(self, b):
                if len(b) > q.left:
                    raise OSError(28)
                q.left -= len(b)
                return f.write(b)
            def close(self):
                f.close()
            def __enter__(self):
                return self
            def __exit__(self, *a):
                f.close()
        return W()
    def stat(s, p):
        return s.i.stat(s._p(p))
    def ilistdir(s, p):
        return s.i.ilistdir(s._p(p))
    def mkdir(s, p):
        s.i.mkdir(s._p(p))
    def rmdir(s, p):
        s.i.rmdir(s._p(p))
    def remove(s, p):
        s.i.remove(s._p(p))
    def rename(s, a, b):
        s.i.rename(s._p(a), s._p(b))
    def statvfs(s, p):
        return s.i.statvfs(s._p(p))
try:
    os.mkdir('/qstore')
except OSError:
    pass
vfs.mount(_Quota({base!r}, {limit}), '/small')
"""


def source(text):
    return text.encode()


def build_index(root, mpyc):
    """Our own packages: several files, folders, dependencies, several versions."""
    b = IndexBuilder(root, mpyc)
    b.add("leaf", "1.0", {"leaf.py": source("VALUE = 1\n")}, latest=False)
    b.add("leaf", "2.0", {"leaf.py": source("VALUE = 2\n")})
    b.add("mid", "0.3", {"mid/__init__.py": source("from mid.util import double\n"),
                         "mid/util.py": source("import leaf\ndef double(x):\n    return 2 * x * leaf.VALUE // leaf.VALUE\n")},
          deps=[("leaf", "")])
    b.add("top", "1.1", {"top.py": source("import mid, leaf\nRESULT = mid.double(21)\n")},
          deps=[("mid", ""), ("leaf", "")])
    big = "DATA = " + repr("x" * 30000) + "\n"
    b.add("big", "1.0", {"big/__init__.py": source("V = 1\n"), "big/data.py": source(big)}, latest=False,
          variants=("py",))
    b.add("big", "2.0", {"big/__init__.py": source("V = 2\n"), "big/data.py": source(big.replace("x", "y"))},
          variants=("py",))
    # A package whose newer version has fewer files.
    b.add("shrink", "1.0", {"shrink/__init__.py": source("V = 1\n"), "shrink/old.py": source("OLD = 1\n"),
                            "shrink/gone/x.py": source("X = 1\n")}, latest=False, variants=("py",))
    b.add("shrink", "2.0", {"shrink/__init__.py": source("V = 2\n")}, variants=("py",))
    # An index entry whose file bytes were altered after the index was made.
    b.add("tampered", "1.0", {"tampered.py": source("SAFE = True\n")}, variants=("py",))
    h = h8(source("SAFE = True\n"))
    with open(b.file_path(h), "wb") as f:
        f.write(b"import os\nos.remove('/main.py')\n")
    # An index entry naming a file the server does not have.
    b.add("holey", "1.0", {"holey/a.py": source("A = 1\n"), "holey/b.py": source("B = 1\n")}, variants=("py",))
    os.remove(b.file_path(h8(source("B = 1\n"))))
    return b


def repositories(root):
    """github:/gitlab:/codeberg: trees under root (served at /gh, /gl, /cb)."""
    pkg = {"package.json": '{"urls": [["ghpkg/__init__.py", "ghpkg/__init__.py"], ["ghpkg/core.py", "ghpkg/core.py"],'
                           ' ["main.py", "main.py"]], "deps": [["leaf", ""]], "version": "0.9"}',
           "ghpkg/__init__.py": "from ghpkg.core import answer\n",
           "ghpkg/core.py": "def answer():\n    return 42\n",
           "main.py": "print('main')\n"}
    write_tree(os.path.join(root, "gh/org/repo/HEAD"), pkg)
    write_tree(os.path.join(root, "gh/org/repo/v2"), {**pkg, "ghpkg/core.py": "def answer():\n    return 43\n"})
    write_tree(os.path.join(root, "gl/org/repo/-/raw/HEAD"),
               {"sub/package.json": '{"urls": [["glmod.py", "glmod.py"]], "version": "1"}', "sub/glmod.py": "GL = 1\n"})
    write_tree(os.path.join(root, "cb/org/repo/raw/branch/main"), {"cbmod.py": "CB = 1\n"})
    write_tree(os.path.join(root, "web"), {"webmod.py": "WEB = 1\n",
                                           "webpkg/package.json": '{"urls": [["webpkg.py", "webpkg.py"]]}',
                                           "webpkg/webpkg.py": "WP = 1\n"})
    write_tree(os.path.join(root, "evil"), {"package.json": '{"urls": [["../../main.py", "x.py"]]}', "x.py": "X = 1\n"})


class Ctx:
    def __init__(self, t, m, label, mpr, scratch, env, lib, quota_inner):
        self.t, self.m, self.label, self.mpr, self.scratch = t, m, label, mpr, scratch
        self.env, self.lib, self.quota_inner = env, lib, quota_inner

    def run(self, *args, env=None, **kw):
        return self.m.run(*args, env={**self.env, **(env or {})}, **kw)

    def check(self, name, cond, detail=None):
        return self.t.check(f"{self.label}: {name}", cond, detail)

    def snapshot(self):
        p = self.run("exec", SNAPSHOT)
        if not ok(p):
            raise RuntimeError("snapshot failed: " + show(p))
        return dict(line.rsplit(" ", 1) if " " in line else (line, "dir") for line in p.out.split("\n") if line)

    def files_under(self, folder):
        snap = self.snapshot()
        return {k[len(folder) + 1:]: v for k, v in snap.items() if k.startswith(folder + "/") and k != folder + "/"}

    def eval(self, expr, pre=""):
        p = self.run("exec", f"import sys\nsys.path.insert(0, {self.lib!r})\n{pre}\nprint({expr})")
        return p.out.strip() if ok(p) else "ERROR " + show(p)


def clean(c):
    c.run("exec", "import os\ndef _rm(d):\n    for e in os.ilistdir(d):\n        p = d + '/' + e[0]\n"
                  "        if e[1] == 0x4000:\n            _rm(p); os.rmdir(p)\n        else:\n            os.remove(p)\n"
                  f"for _d in ({c.lib!r}, '/other', '/qstore'):\n    try:\n        _rm(_d)\n    except OSError:\n        pass\n")


def index_installs(c, url):
    clean(c)
    p = c.run("mip", "install", "--index", url, "top")
    c.check("install from the index: exit 0, mpremote's lines", ok(p) and p.out.startswith("Install top\n")
            and f"Installing top (latest) from {url} to {c.lib}\n" in p.out and p.out.endswith("Done\n"), show(p))
    files = c.files_under(c.lib)
    c.check("dependencies installed, each once, as .mpy for the board's version",
            sorted(files) == [".mpr-mip.json", "leaf.mpy", "mid/", "mid/__init__.mpy", "mid/util.mpy", "top.mpy"]
            and p.out.count("Installing: ") == 4, f"{sorted(files)}\n{show(p)}")
    c.check("installed packages import and work on the board", c.eval("top.RESULT", "import top") == "42",
            c.eval("top.RESULT", "import top"))
    p = c.run("mip", "install", "--index", url, "top")
    c.check("unchanged files are not sent again", ok(p) and "Installing: " not in p.out and p.out.count("Exists: ") == 4,
            show(p))
    p = c.run("mip", "install", "--index", url + "/redirect", "--no-mpy", "--target", "/other", "leaf")
    c.check("redirects are followed", ok(p) and "leaf.py" in c.files_under("/other"), show(p))
    p = c.run("mip", "install", "--index", url, "leaf@1.0")
    c.check("name@version installs that version", ok(p) and c.eval("leaf.VALUE", "import leaf") == "1", show(p))
    p = c.run("mip", "install", "--index", url, "leaf@7.7")
    c.check("unknown version: exit 1, says which and what the latest is",
            failed(p) and "version 7.7 of package 'leaf' not found" in p.err and "latest version is 2.0" in p.err, show(p))
    p = c.run("mip", "install", "--index", url, "nosuchpkg")
    c.check("unknown package: exit 1, names the index", failed(p) and f"package 'nosuchpkg' not found in the index {url}" in p.err,
            show(p))
    p = c.run("mip", "install", "--index", url, "--no-mpy", "--target", "/other", "mid")
    files = c.files_under("/other")
    c.check("--target and --no-mpy: .py sources in the given folder",
            ok(p) and sorted(files) == [".mpr-mip.json", "leaf.py", "mid/", "mid/__init__.py", "mid/util.py"], f"{sorted(files)}\n{show(p)}")
    p = c.run("mip", "install", "--no-mpy", "--index", url, "shrink@1.0")
    q = c.run("mip", "install", "--no-mpy", "--index", url, "shrink")
    files = c.files_under(c.lib)
    c.check("an upgrade removes the files the new version no longer has (and their empty folders)",
            ok(p) and ok(q) and "shrink/__init__.py" in files and "shrink/old.py" not in files
            and "shrink/gone/" not in files and f"Removing: {c.lib}/shrink/old.py" in q.out, f"{sorted(files)}\n{show(q)}")
    p = c.run("mip", "list")
    c.check("mip list shows the installed packages", ok(p) and "top 1.1: 1 file" in p.out and "leaf 1.0" in p.out
            and "mid 0.3" in p.out, show(p))
    p = c.run("mip", "uninstall", "top")
    files = c.files_under(c.lib)
    c.check("mip uninstall removes only that package's files",
            ok(p) and "top.mpy" not in files and "leaf.mpy" in files and "Removing: " + c.lib + "/top.mpy" in p.out, show(p))
    p = c.run("mip", "uninstall", "top")
    c.check("uninstalling what is not installed: exit 1", failed(p) and "not installed" in p.err, show(p))
    before = c.snapshot()
    p = c.run("mip", "install", "--dry-run", "--index", url, "top")
    c.check("--dry-run prints the plan and changes nothing",
            ok(p) and "Would install top 1.1:" in p.out and f"{c.lib}/top.mpy" in p.out and c.snapshot() == before, show(p))


def other_forms(c, url, serve_root):
    clean(c)
    env = {"MPR_MIP_GITHUB_URL": url + "/gh", "MPR_MIP_GITLAB_URL": url + "/gl", "MPR_MIP_CODEBERG_URL": url + "/cb"}
    p = c.run("mip", "install", "--index", url, "github:org/repo", env=env)
    files = c.files_under(c.lib)
    c.check("github:org/repo with relative URLs and an index dependency",
            ok(p) and {"ghpkg/__init__.py", "ghpkg/core.py", "main.py", "leaf.mpy"} <= set(files)
            and c.eval("ghpkg.answer()", "import ghpkg") == "42", f"{sorted(files)}\n{show(p)}")
    p = c.run("mip", "install", "--index", url, "github:org/repo@v2", env=env)
    c.check("github:...@ref takes that ref", ok(p) and c.eval("ghpkg.answer()", "import ghpkg") == "43", show(p))
    p = c.run("mip", "install", "gitlab:org/repo/sub", "codeberg:org/repo/cbmod.py@main", env=env)
    files = c.files_under(c.lib)
    c.check("gitlab:org/repo/path and codeberg:org/repo/file.py@ref", ok(p) and "glmod.py" in files and "cbmod.py" in files,
            f"{sorted(files)}\n{show(p)}")
    p = c.run("mip", "install", url + "/web/webmod.py", url + "/web/webpkg/package.json", url + "/web/webpkg")
    files = c.files_under(c.lib)
    c.check("http URLs of a .py and of a package.json (and its folder)",
            ok(p) and "webmod.py" in files and "webpkg.py" in files and f"Downloading {url}/web/webmod.py to {c.lib}" in p.out,
            show(p))
    clean(c)
    p = c.run("mip", "install", "--compile", "--index", url, "github:org/repo", env=env)
    files = c.files_under(c.lib)
    c.check("--compile: .py from a repository become .mpy (main.py stays .py), and import",
            ok(p) and {"ghpkg/__init__.mpy", "ghpkg/core.mpy", "main.py", "leaf.mpy"} <= set(files)
            and "ghpkg/core.py" not in files and c.eval("ghpkg.answer()", "import ghpkg") == "42", f"{sorted(files)}\n{show(p)}")
    config = os.path.join(c.scratch, "mpr-config.json")
    with open(config, "w") as f:
        f.write('{"mip": {"compile": true}}')
    clean(c)
    p = c.run("mip", "install", "--index", url, "gitlab:org/repo/sub", env={**env, "MPR_CONFIG": config})
    q = c.run("mip", "install", "--no-compile", "--index", url, "codeberg:org/repo/cbmod.py@main",
              env={**env, "MPR_CONFIG": config})
    files = c.files_under(c.lib)
    c.check('"mip": {"compile": true} in the config file turns --compile on, --no-compile off again',
            ok(p) and ok(q) and "glmod.mpy" in files and "glmod.py" not in files and "cbmod.py" in files,
            f"{sorted(files)}\n{show(p)}\n{show(q)}")
    local = os.path.join(serve_root, "gh/org/repo/HEAD")
    p = c.run("mip", "install", "--index", url, os.path.join(local, "package.json"))
    c.check("a local package.json", ok(p) and "Exists: " + c.lib + "/ghpkg/core.py" not in p.out, show(p))
    clean(c)
    p = c.run("mip", "install", "--index", url, local)
    c.check("a local folder", ok(p) and "ghpkg/core.py" in c.files_under(c.lib), show(p))


def download_offline(c, url, scratch):
    clean(c)
    out = os.path.join(scratch, "offline")
    env = {"MPR_MIP_GITHUB_URL": url + "/gh"}
    p = c.run("mip", "download", "--index", url, "-o", out, "top", "github:org/repo", env=env, connect=False)
    c.check("mip download fetches packages with their dependencies into a folder",
            ok(p) and os.path.exists(os.path.join(out, "package/6/top/latest.json"))
            and os.path.exists(os.path.join(out, "package/6/leaf/latest.json"))
            and os.path.exists(os.path.join(out, "package/6/repo/latest.json")), show(p))
    return out


def offline_install(c, out):
    clean(c)
    p = c.run("mip", "install", "--index", out, "top", "repo")
    files = c.files_under(c.lib)
    c.check("install --index DIR from the downloaded folder, server gone",
            ok(p) and {"top.mpy", "mid/util.mpy", "leaf.mpy", "ghpkg/core.py"} <= set(files)
            and c.eval("top.RESULT", "import top") == "42", f"{sorted(files)}\n{show(p)}")


def faults(c, url, root):
    clean(c)
    c.run("exec", "open('/main.py','w').write('# user main\\n')")
    p = c.run("mip", "install", "--no-mpy", "--index", url, "big@1.0")
    c.check("fault setup: big 1.0 installed", ok(p), show(p))
    before = c.snapshot()

    def intact(name, p, words):
        c.check(f"{name}: exit 1, a clear error, the board's files intact",
                failed(p) and all(w in p.err for w in words) and c.snapshot() == before, show(p))

    with Server(root, die_on="/file/" + h8(("DATA = " + repr("y" * 30000) + "\n").encode())[:2] + "/"
                + h8(("DATA = " + repr("y" * 30000) + "\n").encode())) as dying:
        p = c.run("mip", "install", "--no-mpy", "--index", dying.url, "big")
    intact("server killed mid-file", p, ["cut short"])
    p = c.run("mip", "install", "--no-mpy", "--index", url, "tampered")
    intact("altered bytes", p, ["hash mismatch for tampered.py", "nothing was written"])
    p = c.run("mip", "install", "--no-mpy", "--index", url, "holey")
    intact("a 404 for a file", p, ["404"])
    p = c.run("mip", "install", os.path.join(root, "evil", "package.json"))
    intact("a package.json with ../ paths", p, ["refusing the target path '../../main.py'"])
    # A board that fills up: a quota file system at /small holding big 1.0; big 2.0 does not fit.
    quota = QUOTA.format(base=c.quota_inner, limit=45000)
    p = c.run("exec", quota, "+", "mip", "install", "--no-mpy", "--index", url, "--target", "/small/lib", "big@1.0",
              "+", "mip", "install", "--no-mpy", "--index", url, "--target", "/small/lib", "big")
    stored = c.files_under("/qstore/lib")
    c.check("board out of space: exit 1, says so, the previous version intact, no temporary left",
            failed(p) and "out of space" in p.err and "previous files are unchanged" in p.err
            and sorted(stored) == [".mpr-mip.json", "big/", "big/__init__.py", "big/data.py"]
            and stored["big/__init__.py"] == hashlib.sha256(b"V = 1\n").hexdigest(), f"{stored}\n{show(p)}")


def https(c, root, scratch):
    cert, key = make_certificate(scratch)
    with Server(root, tls=(cert, key)) as s:
        p = c.run("mip", "install", "--index", s.url, "--cacert", cert, "leaf")
        c.check("HTTPS with a self-signed certificate named by --cacert", ok(p) and "leaf.mpy" in c.files_under(c.lib), show(p))
        p = c.run("mip", "install", "--index", s.url, "mid", env={"MPR_MIP_CACERT": cert})
        c.check("... or by MPR_MIP_CACERT", ok(p), show(p))
        p = c.run("mip", "install", "--index", s.url, "top")
        c.check("HTTPS without trusting the certificate: exit 1, a TLS failure", failed(p) and "TLS failure" in p.err, show(p))


def all_checks(c, root):
    with Server(root) as s:
        index_installs(c, s.url)
        other_forms(c, s.url, root)
        out = download_offline(c, s.url, c.scratch)
        faults(c, s.url, root)
    offline_install(c, out)
    https(c, root, c.scratch)


class Fixture:
    """A scratch folder with the served tree (index + repositories) in www/ and a board's
    state folder, removed at the end."""

    def __init__(self, prefix, mpyc, state_name):
        self.scratch = temp_dir(prefix)
        self.root = os.path.join(self.scratch, "www")
        build_index(self.root, mpyc)
        repositories(self.root)
        self.state = os.path.join(self.scratch, state_name)
        os.makedirs(self.state)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        shutil.rmtree(self.scratch, ignore_errors=True)


def test_sim(t, mpr, mpyc, board_pty):
    with Fixture("e2e-mip-sim-", mpyc, "flash") as f:
        m = Mpr(mpr, ["connect", "sim"], ["--sim-dir", f.state])
        with Server(f.root) as s:
            index_installs(Ctx(t, m, "connect sim", mpr, f.scratch, {}, LIB, "/flash/qstore"), s.url)
        with SimBoard(board_pty, f.state) as board:
            m = Mpr(mpr, ["connect", board.path])
            all_checks(Ctx(t, m, "sim on a pty", mpr, f.scratch, {}, LIB, "/flash/qstore"), f.root)


def test_unix(t, mpr, mpyc, board_pty, unix_port):
    with Fixture("e2e-mip-unix-", mpyc, "board") as f:
        with UnixBoard(board_pty, unix_port, root=f.state) as board:
            m = Mpr(mpr, ["connect", board.path])
            p = m.run("exec", "import sys\nprint([p for p in sys.path if p.endswith('/lib')][0])")
            all_checks(Ctx(t, m, "unix port", mpr, f.scratch, {}, p.out.strip(), os.path.join(f.state, "qstore")), f.root)


def test_microbit(t, mpr, mpyc):
    """The constrained board: no directories, no hashlib, no os.rename, ~8 KB of heap."""
    with Fixture("e2e-mip-microbit-", mpyc, "unused") as f, MicrobitBoard() as board, Server(f.root) as s:
        m = Mpr(mpr, ["connect", board.path])
        p = m.run("mip", "install", "--index", s.url, "leaf", timeout=120)
        t.check("microbit: a single-module package installs to the flat file system",
                ok(p) and "Installing: leaf.py" in p.out and p.out.endswith("Done\n"), show(p))
        p = m.run("exec", "import leaf\nprint(leaf.VALUE)")
        t.check("microbit: ... and imports", ok(p) and p.out.strip() == "2", show(p))
        p = m.run("mip", "install", "--index", s.url, "mid", timeout=120)
        q = m.run("exec", "import os\nprint(sorted(os.listdir()))")
        t.check("microbit: a package with folders is refused, nothing written",
                failed(p) and "has folders" in p.err and q.out.strip() == "['.mpr-mip.json', 'leaf.py']",
                show(p) + "\n" + show(q))
        p = m.run("mip", "uninstall", "leaf", timeout=120)
        q = m.run("exec", "import os\nprint(os.listdir())")
        t.check("microbit: uninstall", ok(p) and q.out.strip() == "[]", show(p) + "\n" + show(q))


def main():
    return checks.main("mip", {"sim": (test_sim, "mpr", "mpyc", "board_pty"),
                               "unix": (test_unix, "mpr", "mpyc", "board_pty", "unix_port"),
                               "microbit": (test_microbit, "mpr", "mpyc")},
                       boards=True, options=[("--mpyc", dict(required=True))],
                       requires=lambda _: None if have("openssl") else
                       "openssl is not installed (scripts/setup.sh installs it)")


if __name__ == "__main__":
    sys.exit(main())
