a = b = 0
a, b += 1
