# Runs in every fresh runtime of the sim board: a small `machine` module, so that the commands
# that need one (mpr/mpremote `rtc`, `reset`, `bootloader`) work on the sim as on a board.
#
# State that a real board keeps across a soft reset lives in the worker's JavaScript globals
# (each soft reset is a fresh runtime, see mcu.mjs):
#   simRtcOffset  seconds between the RTC and the host clock (a set RTC stays set);
#   simHardReset  set by reset()/bootloader(): mcu.mjs then boots as at power-on, into the
#                 friendly REPL, instead of printing "MPY: soft reboot".


def _sim_install_machine():
    import sys, time, js

    class RTC:
        def __init__(self, id=0):
            pass

        def datetime(self, dt=None):
            # Board order: (year, month, day, weekday (Monday = 0), hours, minutes, seconds,
            # subseconds); time.localtime's is (year, month, day, hours, minutes, seconds,
            # weekday, yearday).
            offset = getattr(js.globalThis, "simRtcOffset", 0) or 0
            if dt is None:
                now = time.time_ns() // 1000 + offset * 1000000
                t = time.localtime(now // 1000000)
                return (t[0], t[1], t[2], t[6], t[3], t[4], t[5], now % 1000000)
            y, mo, d, _wd, h, mi, s = dt[:7]
            js.globalThis.simRtcOffset = time.mktime((y, mo, d, h, mi, s, 0, 0)) - time.time_ns() // 1000000000

        def init(self, dt):
            self.datetime(dt)

    def reset():
        js.globalThis.simHardReset = True
        raise SystemExit

    def soft_reset():
        raise SystemExit

    def unique_id():
        return b"mpytools-sim"

    def freq(*args):
        return 125000000

    def idle():
        pass

    # This runtime cannot make module objects; `import` takes whatever sys.modules holds.
    class machine:
        pass

    for name, value in (("RTC", RTC), ("reset", reset), ("soft_reset", soft_reset),
                        ("bootloader", reset), ("unique_id", unique_id), ("freq", freq),
                        ("idle", idle)):
        setattr(machine, name, value if name == "RTC" else staticmethod(value))
    sys.modules["machine"] = machine


_sim_install_machine()
del _sim_install_machine
