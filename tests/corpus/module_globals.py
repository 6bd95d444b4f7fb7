# Module-level names and builtins: __name__, globals(), locals() at module level, dir(),
# builtins module, shadowing a builtin at module level and deleting the shadow.
import builtins
print(__name__, type(globals()).__name__, globals() is locals())
x = 1
g = globals()
g["injected"] = "via globals()"
print(injected, "x" in g, sorted(k for k in g if k in ("x", "g", "injected")))
def len(v):
    return "shadowed"
print(len([1]), builtins.len([1]))
del len
print(len([1, 2]))
print(hasattr(builtins, "print"), builtins.abs(-2))
def uses_global_dict():
    return globals()["x"] + 1
print(uses_global_dict())
if __name__ == "__main__":
    print("run as main")
else:
    print("imported as", __name__)
import pkg.star
print(pkg.star.STAR_SEEN)
