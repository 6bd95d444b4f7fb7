#!/usr/bin/env python3
"""End-to-end checks of `mpr flash` without a board: .uf2 files copied onto folders laid out as
UF2 drives (an INFO_UF2.TXT naming the board), a family mismatch refused, damaged files named,
`flash --list` enumerating USB (libusb) and finding no device without failing, a .dfu with no
DFU device ending in a clear error, and (when the sim board can run) a board put into its
bootloader by `flash` before the drive appears.  The .uf2 files are made here, from the UF2 format
(github.com/microsoft/uf2): 512-byte blocks, 256 payload bytes each.

usage: test_flash.py --mpr PATH
Exit status: 0 all passed, 1 a test failed.
"""
import glob
import os
import random
import struct
import subprocess
import sys
import threading
import time
import zlib

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import checks  # noqa: E402
from boardlib import have, sim_runtime_present  # noqa: E402

RP2040 = 0xE48BFF56
SAMD21 = 0x68ED2B88
RP2040_INFO = "UF2 Bootloader v3.0\r\nModel: Raspberry Pi RP2\r\nBoard-ID: RPI-RP2\r\n"


def uf2(image, base, family):
    count = (len(image) + 255) // 256
    out = b""
    for i in range(count):
        chunk = image[i * 256:(i + 1) * 256].ljust(256, b"\0")
        header = struct.pack("<8I", 0x0A324655, 0x9E5D5157, 0x2000 if family else 0, base + i * 256, 256, i,
                             count, family)
        out += (header + chunk).ljust(508, b"\0") + struct.pack("<I", 0x0AB16F30)
    return out


def dfu_file(address, data):
    """A DfuSe file (ST's UM0391) of one target, one element, for 0483:df11."""
    body = struct.pack("<2I", address, len(data)) + data
    target = b"Target" + struct.pack("<BI", 0, 1) + b"ST...".ljust(255, b"\0") + struct.pack("<2I", len(body), 1)
    image = b"DfuSe" + struct.pack("<BIB", 1, 11 + len(target) + len(body), 1) + target + body
    image += struct.pack("<4H", 0, 0xDF11, 0x0483, 0x011A) + b"UFD" + bytes([16])
    return image + struct.pack("<I", ~zlib.crc32(image) & 0xFFFFFFFF)


def make_drive(root, name, info):
    path = os.path.join(root, name)
    os.makedirs(path)
    with open(os.path.join(path, "INFO_UF2.TXT"), "w") as f:
        f.write(info)
    return path


class Mpr:
    """mpr run in the test's scratch folder."""

    def __init__(self, path, cwd):
        self.path, self.cwd = path, cwd

    def __call__(self, *args, env=None):
        full_env = dict(os.environ)
        full_env.pop("MPR_UF2_MOUNTS", None)
        full_env.update(env or {})
        p = subprocess.run([self.path, *args], cwd=self.cwd, capture_output=True, text=True, timeout=60, env=full_env)
        return p.returncode, p.stdout, p.stderr


def test_uf2_copy(c, mpr_path, tmp):
    mpr = Mpr(mpr_path, tmp)
    drives = os.path.join(tmp, "mnt")
    drive = make_drive(drives, "RPI-RP2", RP2040_INFO)
    image = random.Random(1).randbytes(300 * 1024 + 17)
    data = uf2(image, 0x10000000, RP2040)
    with open(os.path.join(tmp, "fw.uf2"), "wb") as f:
        f.write(data)
    rc, out, err = mpr("flash", "fw.uf2", "--drive", drive)
    c.expect_equal("uf2 --drive: exit status", rc, 0)
    with open(os.path.join(drive, "fw.uf2"), "rb") as f:
        c.check("uf2 --drive: the drive's copy is byte-equal to the file", f.read() == data)
    c.check("uf2 --drive: says what it copied", "1201 blocks, family RP2040 (0xe48bff56)" in out, out + err)
    os.remove(os.path.join(drive, "fw.uf2"))
    # Options before the file, and the drive found under $MPR_UF2_MOUNTS (no --drive).
    rc, out, err = mpr("flash", "fw.uf2", env={"MPR_UF2_MOUNTS": drives})
    c.expect_equal("uf2 found under MPR_UF2_MOUNTS: exit status", rc, 0)
    with open(os.path.join(drive, "fw.uf2"), "rb") as f:
        c.check("uf2 found under MPR_UF2_MOUNTS: byte-equal copy", f.read() == data)
    rc, out, err = mpr("flash", "--list", env={"MPR_UF2_MOUNTS": drives})
    c.check("flash --list shows the drive and its family",
            rc == 0 and f"{drive}  Board-ID RPI-RP2 (Raspberry Pi RP2), takes RP2040 (0xe48bff56)" in out, out + err)
    make_drive(drives, "RP2350", "Board-ID: RP2350\n")
    rc, out, err = mpr("flash", "fw.uf2", env={"MPR_UF2_MOUNTS": drives})
    c.check("two drives: refused, both named", rc == 1 and "more than one UF2 drive" in err and "RP2350" in err,
            out + err)


def test_uf2_refusals(c, mpr_path, tmp):
    mpr = Mpr(mpr_path, tmp)
    drive = make_drive(tmp, "PICO", RP2040_INFO)
    samd = uf2(bytes(1000), 0x2000, SAMD21)
    with open(os.path.join(tmp, "samd.uf2"), "wb") as f:
        f.write(samd)
    rc, out, err = mpr("flash", "--drive", drive, "samd.uf2")
    c.expect_equal("family mismatch: exit status 1", rc, 1)
    c.check("family mismatch: the error names both families",
            "samd.uf2 is for UF2 family SAMD21 (0x68ed2b88)" in err and "takes RP2040 (0xe48bff56)" in err, err)
    c.expect_equal("family mismatch: nothing copied", sorted(os.listdir(drive)), ["INFO_UF2.TXT"])
    damaged = bytearray(uf2(bytes(2000), 0x10000000, RP2040))
    damaged[512 * 3 + 511] ^= 0xFF
    with open(os.path.join(tmp, "bad.uf2"), "wb") as f:
        f.write(damaged)
    rc, out, err = mpr("flash", "bad.uf2", "--drive", drive)
    c.check("damaged uf2: exit 1, the block named",
            rc == 1 and "bad.uf2: block 3 (offset 1536): end magic number" in err, err)
    c.expect_equal("damaged uf2: nothing copied", sorted(os.listdir(drive)), ["INFO_UF2.TXT"])
    rc, out, err = mpr("flash", "samd.uf2", "--drive", tmp)
    c.check("--drive without INFO_UF2.TXT: refused", rc == 1 and "is not a UF2 drive" in err, err)


def test_list_and_dfu(c, mpr_path, tmp):
    mpr = Mpr(mpr_path, tmp)
    rc, out, err = mpr("flash", "--list")
    c.expect_equal("flash --list with no device: exit status 0", rc, 0)
    c.check("flash --list with no device: both sections", out.startswith("DFU devices:\n") and "UF2 drives:\n" in out,
            out + err)
    with open(os.path.join(tmp, "bad.dfu"), "wb") as f:
        f.write(b"DfuSe" + bytes(100))
    rc, out, err = mpr("flash", "bad.dfu")
    c.check("damaged dfu: exit 1 before looking for a device", rc == 1 and "bad.dfu: offset" in err, err)
    # A well-formed file with nothing to flash it to.  Only where no serial port could be a board
    # (mpr would put it into its bootloader).
    if glob.glob("/dev/ttyACM*") or glob.glob("/dev/ttyUSB*"):
        c.note("a serial port is present: the no-device check is left out")
        return
    with open(os.path.join(tmp, "fw.dfu"), "wb") as f:
        f.write(dfu_file(0x08000000, bytes(8)))
    rc, out, err = mpr("flash", "fw.dfu")
    c.check("dfu without a device: exit 1, 'no USB DFU device found'",
            rc == 1 and "no USB DFU device found" in err, out + err)


def test_bootloader_then_drive(c, mpr_path, tmp):
    """No drive at first: mpr runs machine.bootloader() on the connected board (the sim) and waits;
    the drive appears as a real one would once the board is in its bootloader."""
    mpr = Mpr(mpr_path, tmp)
    if not (have("node") and sim_runtime_present()):
        c.note("the sim board cannot run here (node, or its runtime): bootloader check left out")
        return
    drives = os.path.join(tmp, "mnt")
    os.makedirs(drives)
    data = uf2(random.Random(2).randbytes(4000), 0x10000000, RP2040)
    with open(os.path.join(tmp, "fw.uf2"), "wb") as f:
        f.write(data)
    # mpr looks for a drive before it connects, well within the delay.
    appear = threading.Timer(3.0, make_drive, (drives, "RPI-RP2", RP2040_INFO))
    appear.start()
    started = time.monotonic()
    rc, out, err = mpr("connect", "sim", "flash", "fw.uf2", env={"MPR_UF2_MOUNTS": drives})
    appear.join()
    c.check("bootloader then drive: exit status 0", rc == 0, f"exit {rc}\n{err}")
    c.check("bootloader then drive: the board was put into its bootloader",
            "putting the board on sim into its bootloader (machine.bootloader())" in err, err)
    copied = os.path.join(drives, "RPI-RP2", "fw.uf2")
    c.check("bootloader then drive: byte-equal copy", os.path.exists(copied) and open(copied, "rb").read() == data)
    c.note(f"took {time.monotonic() - started:.1f} s (10 s of it waiting for a serial port)")
    # A .dfu for a board whose bootloader never shows a DFU device (the sim has no USB).
    with open(os.path.join(tmp, "fw.dfu"), "wb") as f:
        f.write(dfu_file(0x08000000, bytes(64)))
    rc, out, err = mpr("connect", "sim", "flash", "fw.dfu")
    c.check("dfu, bootloader entered but no DFU device: exit 1, said so",
            rc == 1 and "putting the board on sim into its bootloader" in err
            and "no USB DFU device appeared within 15 s" in err, out + err)


def main():
    return checks.main("e2e_flash", [(test, "mpr", checks.SCRATCH) for test in (
        test_uf2_copy, test_uf2_refusals, test_list_and_dfu, test_bootloader_then_drive)])


if __name__ == "__main__":
    sys.exit(main())
