# Which string constants become qstrs: strings of up to 10 bytes always do; longer ones only if
# that string is already a qstr when the parser reaches it (a built-in name, or a name that
# appeared earlier in this file). Behaviour is the same either way; the .mpy bytes differ.
a = "KeyboardInterrupt"
b = "first_long_name"
first_long_name = "now an identifier"
c = "first_long_name"
d = "short"
e = "exactly10c"
f = "eleven_char"
g = "not an identifier, and long"
h = "__init__"
i = "later_defined_name_x"
print(a, b, c, d, e, f, g, h, i)
def later_defined_name_x(really_long_keyword_arg=1):
    return really_long_keyword_arg
print(later_defined_name_x(really_long_keyword_arg="kw"), "really_long_keyword_arg")
class Holder:
    attribute_with_long_name = "attr"
print(getattr(Holder, "attribute_with_long_name"), {"attribute_with_long_name": 1})
print("ValueError", "ZeroDivisionError", "__class__", "__getattr__", "micropython")
print("%s=%s" % ("exactly11ch", "é" * 6), "ééééé", "ééééé" == "é" * 5)
