# Runs in every fresh runtime of the sim board: `vfs.rom_ioctl` and `vfs.VfsRom`, whose
# implementation (rom_partition.py, handed over by mcu.mjs as simRomPartitionSource) is compiled
# only when first used, and /rom mounted at boot as boards do: partition 0, when it holds a ROMFS
# image, with "/rom" and "/rom/lib" on sys.path after ".frozen".
#
# The runtime's vfs module cannot take new attributes, so `vfs` in sys.modules becomes a class
# of our own (as `machine`, machine_module.py) holding the runtime's functions and classes plus
# these two.


def _sim_install_rom():
    import sys, js
    import vfs as builtin_vfs

    loaded = []

    def implementation():
        if not loaded:
            scope = {}
            exec(js.globalThis.simRomPartitionSource, scope)
            loaded.append(scope["_sim_rom_partitions"](builtin_vfs))
        return loaded[0]

    def rom_ioctl(*args):
        return implementation()[0](*args)

    def VfsRom(buf):
        return implementation()[1](buf)

    class vfs:
        pass

    # What the runtime's vfs holds (listed: dir() walks every qstr, which took 3 ms a boot).
    vfs.mount = staticmethod(builtin_vfs.mount)
    vfs.umount = staticmethod(builtin_vfs.umount)
    vfs.VfsPosix = builtin_vfs.VfsPosix
    vfs.rom_ioctl = staticmethod(rom_ioctl)
    vfs.VfsRom = staticmethod(VfsRom)
    sys.modules["vfs"] = vfs

    try:
        builtin_vfs.VfsPosix("/sim-rom").stat("/part0")
    except OSError:
        return  # never written: erased, nothing to mount
    try:
        builtin_vfs.mount(VfsRom(rom_ioctl(2, 0)), "/rom")
    except OSError:
        return  # not a ROMFS image
    at = sys.path.index(".frozen") + 1 if ".frozen" in sys.path else len(sys.path)
    sys.path[at:at] = ["/rom", "/rom/lib"]


_sim_install_rom()
del _sim_install_rom
