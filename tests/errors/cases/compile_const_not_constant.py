from micropython import const
y = 2
X = const(y)
