# Annotations on parameters, returns and variables are accepted and have no effect.
def f(a: int, b: "str" = "x", *args: list, k: float = 1.0, **kw: dict) -> tuple:
    return a, b, args, k, kw
print(f(1), f(2, "y", 3, k=2.0, z=1))
x: int = 5
y: list
print(x)
class P:
    name: str = "point"
    size: int
    def m(self) -> "P":
        return self
print(P.name, P().m().name)
def g() -> None:
    local: int = 3
    other: str
    return local
print(g())
shadow = "global value"
def annotated_local():
    shadow: str
    try:
        return shadow
    except NameError:
        return "annotation made it local"
print(annotated_local())
