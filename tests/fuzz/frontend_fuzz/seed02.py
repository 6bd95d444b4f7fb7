def f(a, b=1, *c, d, **e) -> int:
    """doc"""
    return a, b
