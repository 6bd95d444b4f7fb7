# Constant and non-constant tuples, lists, sets and dicts written over several lines, at module
# level, in a class body and in a function: the line table records where each display starts
# (checked byte for byte by the golden test; the values are printed here).
PAIR = ("store",
        "append")
TRIPLE = ("a",
          "b",
          "c")
NUMS = (1,
        2)
NESTED = ((1,
           2),
          (3,
           4))
LST = [1,
       2]
ST = {"x",
      "y"}
DCT = {"k":
       1,
       "j": 2}
class Table:
    T = ("store",
         "append")
    U = ("a",
         "b",
         "c")
    V = (
        "first on next line",
        "second")
def in_function(v):
    t = (v,
         2)
    u = ("c1",
         "c2")
    w = [
        v,
        v + 1,
    ]
    return t, u, w
print(PAIR, TRIPLE, NUMS, NESTED, LST, sorted(ST), sorted(DCT.items()))
print(Table.T, Table.U, Table.V, in_function(5))
