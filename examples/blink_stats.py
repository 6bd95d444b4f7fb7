# An example module: compiled by mpyc, inspected by mpytool, run on the sim board by mpr.
from micropython import const

_SAMPLES = const(8)


class RunningStats:
    """Mean and range of a stream of readings, without storing them."""

    def __init__(self):
        self.n = 0
        self.total = 0
        self.low = None
        self.high = None

    def add(self, value):
        self.n += 1
        self.total += value
        self.low = value if self.low is None else min(self.low, value)
        self.high = value if self.high is None else max(self.high, value)

    @property
    def mean(self):
        return self.total / self.n if self.n else 0


def readings(seed):
    # A tiny linear congruential generator stands in for a sensor.
    for _ in range(_SAMPLES):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        yield seed % 100


def summary(seed=42):
    stats = RunningStats()
    for r in readings(seed):
        stats.add(r)
    return f"n={stats.n} mean={stats.mean:.2f} range={stats.low}..{stats.high}"
