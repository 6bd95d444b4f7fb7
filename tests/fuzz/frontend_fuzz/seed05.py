from micropython import const
_A = const(1 << 4)
B = const(_A * 2)
