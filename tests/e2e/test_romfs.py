#!/usr/bin/env python3
"""End-to-end tests of `mpr romfs query|build|deploy`.

  sim   the sim board's ROM partitions (remote/sim/rom_partition.py: 128 KiB partition 0 as stm32's,
        mounted at /rom, and an 8 KiB block device as rp2's, partition 1): a folder of 10 modules deployed (compiled to .mpy, and as
        source with --no-mpy) and imported from /rom after a soft reset; an image file deployed;
        `query` output; the too-big error and a missing partition (exit 1, partition untouched);
        /rom read-only.
  unix  MicroPython's unix port in its coverage variant (a read-only 4-byte ROM partition holding
        an empty image), its `/` a scratch folder: `query`, and a deploy that must fail as too big.
        tests/compat/romfs_compare.sh compares both with mpremote's own output.

usage: test_romfs.py --mpr PATH --board-pty PATH --board {sim,unix} [--unix-port PATH]
Exit status: 0 all passed, 1 a test failed, 77 skipped (node or the unix port missing).
"""
import os
import shutil
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from boardlib import UnixBoard, temp_dir  # noqa: E402
import checks  # noqa: E402
from test_mpr import Mpr, failed, ok, show  # noqa: E402

MODULES = 10
IMPORT_ALL = ("import sys\n" + "".join(f"import mod{i}\n" for i in range(MODULES)) +
              f"print(sum(sys.modules['mod' + str(i)].twice() for i in range({MODULES})))\n" +
              "print(mod0.__file__, mod9.__file__)\nimport pkg.inner\nprint(pkg.inner.NAME)\n")


def write_tree(root, files):
    for rel, data in files.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode())


def module_folder(root):
    files = {f"mod{i}.py": f"VALUE = {i}\n\ndef twice():\n    return VALUE * 2\n" for i in range(MODULES)}
    files["pkg/__init__.py"] = ""
    files["pkg/inner.py"] = "NAME = 'inner from rom'\n"
    files["data.txt"] = "not python\n"
    write_tree(root, files)
    return root


def declared_length(image):
    """The length after the header, read as the format defines it (7 bits a byte)."""
    value = 0
    for b in image[3:]:
        value = (value << 7) | (b & 0x7F)
        if not b & 0x80:
            break
    return value


def query_text(partitions):
    """What `romfs query` prints for [(id, size, first bytes)]; a size (count, block size) is
    a block device's."""
    out = ""
    for rom_id, size, first in partitions:
        if isinstance(size, tuple):
            out += f"ROMFS{rom_id} partition has size {size[0] * size[1]} bytes ({size[0]} blocks of {size[1]} bytes each)\n"
        else:
            out += f"ROMFS{rom_id} partition has size {size} bytes\n"
        out += "  Raw contents: " + ":".join(f"{b:02x}" for b in first[:12]) + " ...\n"
        if first[:3] == b"\xd2\xcd\x31":
            out += f"  ROMFS image size: {declared_length(first[:12])}\n"
        else:
            out += "  Not a valid ROMFS\n"
    return out


def test_sim(t, mpr):
    scratch = temp_dir("e2e-romfs-sim-")
    try:
        state = os.path.join(scratch, "state")
        mods = module_folder(os.path.join(scratch, "mods"))
        m = Mpr(mpr, ["connect", "sim"], ["--sim-dir", state])
        erased = b"\xff" * 12

        p = m.run("romfs", "query")
        t.expect_equal("sim: query of fresh partitions", (p.returncode, p.out),
                       (0, query_text([(0, 131072, erased), (1, (2, 4096), erased)])))

        # The image deploy builds from the same folder, for the expected query output.
        image_file = os.path.join(scratch, "mods.img")
        p = m.run("romfs", "-o", image_file, "build", mods, connect=False)
        t.check("sim: build", ok(p) and os.path.exists(image_file), show(p))
        image = open(image_file, "rb").read() if os.path.exists(image_file) else b""
        p = m.run("romfs", "--no-mpy", "build", mods, connect=False)
        default_out = mods + ".romfs"
        source_image = open(default_out, "rb").read() if os.path.exists(default_out) else b""
        t.check("sim: build without -o writes DIR.romfs, the sources kept",
                ok(p) and p.out.endswith(f"Writing {len(source_image)} bytes to output file {default_out}\n") and
                b"VALUE = 3" in source_image and b"mod3.py" in source_image and b"mod3.mpy" not in source_image, show(p))

        p = m.run("romfs", "deploy", mods, "exec", "import mod2\nprint(mod2.__file__, mod2.twice())", timeout=120)
        t.check("sim: deploy of 10 modules compiled to .mpy, mounted at /rom for the next command",
                ok(p) and all(f"mod{i}.py -> .mpy" in p.out for i in range(MODULES)) and
                f"Image size is {len(image)} bytes\n" in p.out and
                p.out.endswith("\rWriting at offset 0\nROMFS image deployed\n/rom/mod2.mpy 4\n"), show(p))
        p = m.run("exec", IMPORT_ALL)
        t.expect_equal("sim: the modules import from /rom after a soft reset (new session)",
                       (p.returncode, p.out), (0, "90\n/rom/mod0.mpy /rom/mod9.mpy\ninner from rom\n"))
        p = m.run("romfs", "query")
        t.expect_equal("sim: query after deploy", (p.returncode, p.out),
                       (0, query_text([(0, 131072, image), (1, (2, 4096), erased)])))
        t.check("sim: the deployed image declares its own length",
                declared_length(image) > 0 and len(image) % 2 == 0, repr(image[:12]))

        p = m.run("exec", "try:\n open('/rom/x.txt','w')\nexcept OSError as e:\n print('refused', e.errno)\n"
                  "print(open('/rom/data.txt').read(), end='')\nimport os\nprint(sorted(os.listdir('/rom')))")
        t.expect_equal("sim: /rom is read-only and lists the folder", (p.returncode, p.out),
                       (0, "refused 30\nnot python\n['data.txt', 'mod0.mpy', 'mod1.mpy', 'mod2.mpy', 'mod3.mpy', "
                           "'mod4.mpy', 'mod5.mpy', 'mod6.mpy', 'mod7.mpy', 'mod8.mpy', 'mod9.mpy', 'pkg']\n"))

        p = m.run("romfs", "--no-mpy", "deploy", mods, timeout=120)
        q = m.run("exec", IMPORT_ALL)
        t.check("sim: --no-mpy deploys source that imports from /rom",
                ok(p) and "-> .mpy" not in p.out and
                q.out == "90\n/rom/mod0.py /rom/mod9.py\ninner from rom\n", show(p) + "\n" + show(q))

        p = m.run("romfs", "deploy", image_file, timeout=120)
        q = m.run("exec", "import mod5\nprint(mod5.__file__)")
        t.check("sim: an image file deploys as it is",
                ok(p) and "Building" not in p.out and f"Image size is {len(image)} bytes" in p.out and
                q.out == "/rom/mod5.mpy\n", show(p) + "\n" + show(q))

        junk = os.path.join(scratch, "junk.img")
        with open(junk, "wb") as f:
            f.write(b"not an image")
        p = m.run("romfs", "deploy", junk)
        t.check("sim: an image file without the ROMFS header is refused as mpremote does (exit 1)",
                failed(p) and p.out.endswith("Invalid ROMFS image\n") and "Preparing" not in p.out, show(p))
        folder_named_image = os.path.join(scratch, "named.romfs")
        write_tree(folder_named_image, {"n.py": "N = 1\n"})
        p = m.run("romfs", "-p", "1", "deploy", folder_named_image)
        t.check("sim: a folder named like an image is built as a folder",
                ok(p) and "\\-- n.py -> .mpy" in p.out, show(p))

        big = os.path.join(scratch, "big")
        write_tree(big, {"blob.bin": bytes(range(256)) * 40})
        before = m.run("romfs", "query")
        p = m.run("romfs", "-p", "1", "deploy", big, timeout=120)
        q = m.run("romfs", "query")
        t.check("sim: a folder too big for partition 1 fails with mpremote's message, nothing written",
                failed(p) and p.out.endswith("ROMFS1 partition has size 8192 bytes (2 blocks of 4096 bytes each)\n"
                                             "ROMFS image is too big for the target partition\n") and
                ok(before) and q.out == before.out, show(p) + "\n" + show(before) + "\n" + show(q))

        small = os.path.join(scratch, "small")
        write_tree(small, {"s.py": "S = 7\n"})
        p = m.run("romfs", "--partition", "1", "deploy", small, timeout=120)
        q = m.run("exec", "import vfs\nprint(bytes(memoryview(vfs.rom_ioctl(2,1))[:3]))\nimport mod0\nprint(mod0.__file__)")
        t.check("sim: --partition 1 writes the block device (erase, writeblocks) and leaves /rom (partition 0) alone",
                ok(p) and "ROMFS1 partition has size 8192 bytes (2 blocks" in p.out and
                q.out == "b'\\xd2\\xcd1'\n/rom/mod0.mpy\n", show(p) + "\n" + show(q))

        p = m.run("romfs", "-p", "7", "deploy", small)
        t.check("sim: a partition the board does not have is an error",
                failed(p) and "ROMFS7 partition not found on device" in p.err, show(p))
        p = m.run("romfs", "deploy", os.path.join(scratch, "nothing"))
        t.check("sim: a missing folder is an error naming it",
                failed(p) and "nothing" in p.err and "ROMFS image deployed" not in p.out, show(p))
        bad = os.path.join(scratch, "bad")
        write_tree(bad, {"ok.py": "x = 1\n", "broken.py": "x = 1\ndef (:\n"})
        p = m.run("romfs", "deploy", bad)
        q = m.run("exec", "import mod5\nprint(mod5.__file__)")
        t.check("sim: a module that does not compile stops the deploy (file and line), /rom kept",
                failed(p) and "broken.py:2: SyntaxError" in p.err and q.out == "/rom/mod5.mpy\n",
                show(p) + "\n" + show(q))

        p = m.run("fs", "ls", ":")
        t.check("sim: the partitions are not files in the board's /",
                ok(p) and ".sim-rom" not in p.out and os.path.isdir(os.path.join(state, ".sim-rom")), show(p))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def test_unix(t, mpr, board_pty, unix_port):
    scratch = temp_dir("e2e-romfs-unix-")
    try:
        mods = module_folder(os.path.join(scratch, "mods"))
        with UnixBoard(board_pty, unix_port, root=os.path.join(scratch, "root")) as board:
            os.makedirs(board.root, exist_ok=True)
            m = Mpr(mpr, ["connect", board.path])
            p = m.run("exec", "import vfs\nprint(hasattr(vfs,'rom_ioctl'))")
            if p.out.strip() != "True":
                t.note("this unix port has no vfs.rom_ioctl (build the coverage variant): only its message checked")
                p = m.run("romfs", "query")
                t.expect_equal("unix: query without ROMFS", (p.returncode, p.out), (0, "ROMFS is not enabled on this device\n"))
                return
            p = m.run("romfs", "query")
            t.expect_equal("unix: query of the coverage variant's 4-byte partition", (p.returncode, p.out),
                           (0, query_text([(0, 4, b"\xd2\xcd\x31\x00")])))
            p = m.run("romfs", "--no-mpy", "deploy", mods)
            t.check("unix: deploy fails as too big, exit 1",
                    failed(p) and p.out.endswith("ROMFS0 partition has size 4 bytes\n"
                                                 "ROMFS image is too big for the target partition\n"), show(p))
            p = m.run("romfs", "deploy", mods)
            t.check("unix: ... also with .mpy compiled for the board",
                    failed(p) and "mod0.py -> .mpy" in p.out and
                    p.out.endswith("ROMFS image is too big for the target partition\n"), show(p))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def main():
    return checks.main("romfs", {"sim": (test_sim, "mpr"), "unix": (test_unix, "mpr", "board_pty", "unix_port")},
                       boards=True)


if __name__ == "__main__":
    sys.exit(main())
