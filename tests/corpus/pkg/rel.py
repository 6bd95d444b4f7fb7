# Relative imports of every form.
from . import sub
from .sub import SUB_VALUE as sv
from . import PKG_VALUE
from .deep import leaf
value = (sub.hello(), sv, PKG_VALUE, leaf.LEAF)
print("pkg.rel init", __name__)
