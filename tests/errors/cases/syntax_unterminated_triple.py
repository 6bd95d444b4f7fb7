a = 1
s = """abc
more
