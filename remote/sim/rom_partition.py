# The sim board's ROM partitions, as boards built with MICROPY_VFS_ROM have them (the runtime has
# neither vfs.rom_ioctl nor vfs.VfsRom).  rom_boot.py runs this file the first time a partition
# is used, or at boot when partition 0 was ever written (compiling it takes about 4 ms, which
# boards that never use ROMFS need not pay at each soft reset; the stub takes under 1 ms).
#
#   vfs.rom_ioctl  MicroPython's documented interface: (1) the number of partitions (2);
#                  (2, id) the partition.
#                  Partition 0 (128 KiB) behaves as stm32's: a read-only buffer; (3, 0, length)
#                  erases (to 0xff) what `length` bytes need, answering the minimum write size;
#                  (4, 0, offset, buf) writes; (5, 0) completes.
#                  Partition 1 (8 KiB) behaves as rp2's: a block device that is also a buffer,
#                  ioctl(4) block count, ioctl(5) block size (4096), ioctl(6, block) erase,
#                  writeblocks(block, buf, offset); rom_ioctl(3..5, 1) answer -EINVAL as rp2's.
#                  Bad ids, lengths or offsets answer -EINVAL (-22); writing over bytes that are
#                  not erased answers -EIO (-5) (the block device raises OSError(EIO)), as flash
#                  programming fails.
#   vfs.VfsRom     a read-only file system reading a ROMFS image in place (our own reader of
#                  the format that mpr's remote/romfs writes): mount, ilistdir, stat, statvfs,
#                  open for reading ("r"/"rb"), chdir/getcwd; writes raise EROFS.
#
# Each partition is the MEMFS file /sim-rom/partN, written through to the state directory's
# .sim-rom folder (flash.mjs), so it survives soft resets and board restarts like flash.  It is
# read into a bytearray the first time the partition is asked for (this costs its size in heap,
# so boards that never use ROMFS pay nothing).


# Returns (rom_ioctl, VfsRom) over the runtime's vfs module.
def _sim_rom_partitions(builtin_vfs):
    import io

    SIZES = (128 * 1024, 8 * 1024)  # partition 0 (mounted at /rom), partition 1
    ERASE_BLOCK = 4096
    EINVAL, EIO, ENOENT, EROFS, ENODEV, EPERM = 22, 5, 2, 30, 19, 1
    store = builtin_vfs.VfsPosix("/sim-rom")
    cache = {}

    # Writes `data` at `offset` of partition `rom_id` if those bytes are erased.
    def program(rom_id, offset, data):
        buf = contents(rom_id)
        if offset < 0 or offset + len(data) > len(buf):
            return -EINVAL
        if buf[offset:offset + len(data)] != b"\xff" * len(data):
            return -EIO
        buf[offset:offset + len(data)] = data
        persist(rom_id, offset, data)
        return 0

    def erase(rom_id, start, end):
        erased = b"\xff" * (end - start)
        contents(rom_id)[start:end] = erased
        persist(rom_id, start, erased)

    class BlockPartition(bytearray):
        # rp2's Flash object: the block protocol of vfs.AbstractBlockDev (extended form).
        def ioctl(self, op, arg):
            if op == 4:
                return len(self) // ERASE_BLOCK
            if op == 5:
                return ERASE_BLOCK
            if op == 6:
                if not 0 <= arg < len(self) // ERASE_BLOCK:
                    return -EINVAL
                erase(1, arg * ERASE_BLOCK, (arg + 1) * ERASE_BLOCK)
                return 0
            return 0 if op in (1, 2, 3) else None

        def readblocks(self, block, buf, offset=0):
            start = block * ERASE_BLOCK + offset
            buf[:] = self[start:start + len(buf)]

        def writeblocks(self, block, buf, offset=0):
            ret = program(1, block * ERASE_BLOCK + offset, bytes(buf))
            if ret < 0:
                raise OSError(-ret)

    def contents(rom_id):
        buf = cache.get(rom_id)
        if buf is None:
            buf = (BlockPartition if rom_id == 1 else bytearray)(SIZES[rom_id])
            try:
                with store.open("/part%d" % rom_id, "rb") as f:
                    n = f.readinto(buf)
            except OSError:
                n = 0
            for i in range(n, len(buf)):
                buf[i] = 0xFF  # never written: erased flash
            cache[rom_id] = buf
        return buf

    def persist(rom_id, offset, data):
        buf = contents(rom_id)
        try:
            f = store.open("/part%d" % rom_id, "r+b")
        except OSError:
            f = store.open("/part%d" % rom_id, "wb")
            f.write(buf)
        f.seek(offset)
        f.write(data)
        f.close()

    def rom_ioctl(cmd, *args):
        if cmd == 1:
            return len(SIZES)
        if not args or not 0 <= args[0] < len(SIZES):
            return -EINVAL
        rom_id = args[0]
        size = SIZES[rom_id]
        if cmd == 2:
            return contents(rom_id) if rom_id == 1 else memoryview(contents(rom_id))
        if rom_id == 1:
            return -EINVAL  # written through its block protocol, as rp2's
        if cmd == 3:
            if len(args) < 2 or not 0 <= args[1] <= size:
                return -EINVAL
            erase(rom_id, 0, min(size, (args[1] + ERASE_BLOCK - 1) // ERASE_BLOCK * ERASE_BLOCK))
            return 4
        if cmd == 4:
            return program(rom_id, args[1], bytes(args[2])) if len(args) >= 3 else -EINVAL
        if cmd == 5:
            return 0
        return -EINVAL

    # The ROMFS format: records of (kind, length, payload), kind and length as unsigned
    # integers of 7 bits a byte, most significant first, high bit set while more follow.
    KIND_DATA, KIND_POINTER, KIND_DIR, KIND_FILE = 2, 3, 4, 5

    def uint(mv, pos):
        value = 0
        while True:
            b = mv[pos]
            pos += 1
            value = (value << 7) | (b & 0x7F)
            if not b & 0x80:
                return value, pos

    def records(mv, pos, end):
        while pos < end:
            kind, pos = uint(mv, pos)
            length, pos = uint(mv, pos)
            yield kind, pos, pos + length
            pos += length

    def named(mv, start):
        n, pos = uint(mv, start)
        return bytes(mv[pos:pos + n]).decode(), pos + n

    def file_data(mv, start, end):
        for kind, a, b in records(mv, start, end):
            if kind == KIND_DATA:
                return a, b
            if kind == KIND_POINTER:
                offset, pos = uint(mv, a)
                length, _ = uint(mv, pos)
                return offset, offset + length
        return start, start

    class VfsRom:
        def __init__(self, buf):
            mv = memoryview(buf)
            if len(mv) < 4 or bytes(mv[:3]) != b"\xd2\xcd\x31":
                raise OSError(ENODEV)
            length, pos = uint(mv, 3)
            if pos + length > len(mv):
                raise OSError(ENODEV)
            self._mv, self._root = mv, (pos, pos + length)

        # (kind, payload start, payload end) of `path`, the root being a directory.
        def _find(self, path):
            start, end = self._root
            kind = KIND_DIR
            for part in path.split("/"):
                if not part:
                    continue
                if kind != KIND_DIR:
                    raise OSError(ENOENT)
                for k, a, b in records(self._mv, start, end):
                    if k in (KIND_DIR, KIND_FILE):
                        name, pos = named(self._mv, a)
                        if name == part:
                            kind, start, end = k, pos, b
                            break
                else:
                    raise OSError(ENOENT)
            return kind, start, end

        def mount(self, readonly, mkfs):
            if mkfs:
                raise OSError(EPERM)

        def umount(self):
            pass

        def chdir(self, path):
            if path not in ("", "/"):
                raise OSError(ENOENT)

        def getcwd(self):
            return ""

        def ilistdir(self, path):
            kind, start, end = self._find(path)
            if kind != KIND_DIR:
                raise OSError(ENOENT)
            out = []
            for k, a, b in records(self._mv, start, end):
                if k == KIND_DIR or k == KIND_FILE:
                    name, pos = named(self._mv, a)
                    if k == KIND_DIR:
                        out.append((name, 0x4000, 0, 0))
                    else:
                        d0, d1 = file_data(self._mv, pos, b)
                        out.append((name, 0x8000, 0, d1 - d0))
            return iter(out)

        def stat(self, path):
            kind, start, end = self._find(path)
            if kind == KIND_DIR:
                return (0x4000, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            d0, d1 = file_data(self._mv, start, end)
            return (0x8000, 0, 0, 0, 0, 0, d1 - d0, 0, 0, 0)

        def statvfs(self, path):
            return (1, 0, len(self._mv), 0, 0, 0, 0, 0, 0, 32767)

        def open(self, path, mode):
            if "w" in mode or "a" in mode or "+" in mode or "x" in mode:
                raise OSError(EROFS)
            kind, start, end = self._find(path)
            if kind != KIND_FILE:
                raise OSError(ENOENT)
            d0, d1 = file_data(self._mv, start, end)
            data = bytes(self._mv[d0:d1])
            return io.BytesIO(data) if "b" in mode else io.StringIO(data.decode())

        def remove(self, path):
            raise OSError(EROFS)

        mkdir = rmdir = remove

        def rename(self, old, new):
            raise OSError(EROFS)

    return rom_ioctl, VfsRom
