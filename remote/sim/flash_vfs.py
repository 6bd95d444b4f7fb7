# Runs in every fresh runtime of the sim board, before its REPL starts: mounts the board's
# flash (MEMFS /flash, written through to the host's state directory, see flash.mjs) at "/"
# in place of the runtime's whole Emscripten file system, so the board has one file system
# and "/" is its flash.  (Error numbers are translated below the C code, see errno_map.mjs,
# so errors raised by the runtime's VfsPosix carry MicroPython's numbers.)
#
# The mounted object hands every call straight to the runtime's VfsPosix (its bound methods,
# so a failing call adds no Python frame to the traceback), except two:
#  - ilistdir: boards list (name, type, inode, size) and VfsPosix leaves the size out, which
#    clients show as 0;
#  - rename: MicroPython 1.27's VfsPosix with a root builds both of rename's paths in one
#    buffer, so the file is renamed onto itself (or ENOENT); a VfsPosix without a root, given
#    whole paths, renames as a board does.


def _sim_mount_flash():
    import vfs, os, sys

    class Flash:
        pass

    inner = vfs.VfsPosix("/flash")
    flash = Flash()
    for name in ("mount", "umount", "open", "stat", "statvfs", "mkdir", "rmdir", "remove",
                 "chdir", "getcwd"):
        setattr(flash, name, getattr(inner, name))
    rootless = vfs.VfsPosix()

    def whole(path):
        return "/flash" + path if path.startswith("/") else path

    flash.rename = lambda old, new: rootless.rename(whole(old), whole(new))
    stat = inner.stat
    listdir = inner.ilistdir

    def ilistdir(path):
        base = path + "/" if path and not path.endswith("/") else path
        return iter([(e[0], e[1], e[2], stat(base + e[0])[6] if e[1] == 0x8000 else 0)
                     for e in listdir(path)])

    flash.ilistdir = ilistdir
    for mounted in vfs.mount():
        vfs.umount(mounted[1])
    vfs.mount(flash, "/")
    os.chdir("/")
    sys.path[:] = ["", ".frozen", "/lib"]


_sim_mount_flash()
del _sim_mount_flash
