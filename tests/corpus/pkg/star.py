# Star-import relative to the package, and a module-level __all__ honoured by it.
from .sub import *
from . import sub as sub_alias
STAR_SEEN = hello() if "hello" in globals() else None
print("pkg.star", SUB_VALUE, STAR_SEEN, sub_alias.SUB_VALUE)
