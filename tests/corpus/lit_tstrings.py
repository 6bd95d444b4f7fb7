# compat: 1.28
# t-strings (PEP 750, MicroPython 1.28): a t-string is a call of __template__ with its literal
# parts, and for each field its value, source text, conversion and format spec.  Compile-only:
# the 1.27 runtime of the semantic tests has no t-strings.
from string.templatelib import Template, Interpolation

x = 42
name = "world"
w, p = 10, 3
items = [1, 2, 3]
d = {"k": "v"}


def show(t):
    print(type(t).__name__, t.strings, [(i.value, i.expression, i.conversion, i.format_spec) for i in t.interpolations])


show(t"hello {name}!")
show(t"")
show(t"plain text only")
show(t"{x}{x + 1}{x * 2}")
show(t"{name!r} {name!s} {name:>10} {x!r:^7}")
show(t"[{x:{w}.{p}}] [{x:{w}}{{lit}}]")
show(t"{x=} {name=!s} {x=:>5}")
show(t"{ x } {  x + 1  }")
show(t"{{braces}} and }} and {{")
show(t"{d['k']} {items[1]} {len(items)} {items!r}")
show(t'{"quoted"} {x if x else name}')
show(tr"raw \n {x} \d")
show(rt"\t{name}")
show(t"esc \n \t \x41 \u00e9 \\ \' \101")
show(t"""triple {x}
second line {name}
""")
show(t'''single-quoted triple {x!r}''')
show(t"{t'{x}'} nested t-string")
show(t"{f'{x:>4}'} nested f-string")
show(t"{[i for i in items]} {[v + 1 for v in items if v > 1]}")
show(t"{x, name} tuple")
show(t"é€ unicode {name} ü")

many = t"{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}"
print(len(many.interpolations))


def render(t):
    out = []
    for part in t:
        if isinstance(part, Interpolation):
            out.append(format(part.value, part.format_spec))
        else:
            out.append(part)
    return "".join(out)


class Greeter:
    def __init__(self, who):
        self.who = who

    def greet(self):
        return t"hi {self.who:*^9}"


print(render(Greeter("bob").greet()))
print(render(t"{x:08b}|{x:x}|{x:#X}"))
print(isinstance(t"{x}", Template))
# Strings of more than 10 bytes that 1.28 already has as qstrs (1.27 does not).
print("Interpolation", "format_spec", "interpolations", "__template__", "string.templatelib")
