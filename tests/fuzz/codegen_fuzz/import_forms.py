# Every import form: plain, dotted, aliased, from-import (aliased, star, relative via pkg.rel),
# imports inside functions, repeated imports (module cached), and builtin modules.
import helper_mod
import helper_mod as hm
from helper_mod import func, CONST as C2, Klass
print(hm is helper_mod, func(1), C2, Klass.attr)
from helper_mod import *
print(CONST, counter(), counter(), "_private" in globals())
from helper_all import *
print(exported, also(), "not_listed" in globals())
import pkg
import pkg.sub
import pkg.deep.leaf
print(pkg.PKG_VALUE, pkg.sub.SUB_VALUE, pkg.deep.leaf.LEAF)
from pkg import sub
from pkg.deep import leaf as lf
from pkg.rel import value
print(sub.hello(), lf.LEAF == pkg.deep.leaf.LEAF, value)
import sys, math as m
from math import sqrt, pi as PI
print(m.sqrt(16), sqrt(2) > 1.41, PI > 3.14, "helper_mod" in sys.modules)
def local_import():
    import helper_mod as inner
    from pkg.sub import SUB_VALUE
    return inner.CONST + SUB_VALUE
print(local_import(), "inner" in globals())
mod = __import__("pkg.sub")
print(mod.__name__)
try:
    import does_not_exist
except ImportError as e:
    print("ImportError", type(e).__name__)
try:
    from helper_mod import nothing_here
except ImportError:
    print("ImportError for missing name")
import micropython, gc
print(type(micropython.const(3)).__name__)
