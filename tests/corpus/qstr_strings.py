# Strings the compiler may intern (identifier-like) or store as objects (long, non-identifier,
# with NULs or non-ASCII), used as constants, attribute names, keywords and dict keys.
a = "identifier_like"
b = "not an identifier!"
c = "x" * 3
d = "with\x00nul"
e = "ünïcödé"
f = "a" * 300
g = ""
h = "_"
print(a, b, c, repr(d), e, len(f), repr(g), h)
print(a is "identifier_like", len(d), d.split("\x00"))
class Obj:
    pass
o = Obj()
setattr(o, "dynamic_attr", 1)
o.static_attr = 2
print(o.dynamic_attr, getattr(o, "static_attr"))
def kw(**k):
    return sorted(k)
print(kw(alpha=1, beta=2, _under=3, CamelCase=4))
d2 = {"key one": 1, "key_two": 2, "": 3, "ü": 4}
print(d2["key one"], d2["key_two"], d2[""], d2["ü"])
print("abc" == "ab" + "c", "long " * 5)
print("\u0394", "\U0001F600".encode(), "tab\tsep", "quote\"s")
print(str(b"bytes qstr", "ascii"), "unicode_\u00e9_name".upper())
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(words), {w: len(w) for w in words}["quick"])
