lambda x, *y, **z: x if y else z
not a or b and c
a < b <= c != d is not e not in f
