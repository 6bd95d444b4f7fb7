from .. import sub
from ..sub import hello
LEAF = "leaf sees " + hello() + " " + str(sub.SUB_VALUE)
print("pkg.deep.leaf init", __name__)
