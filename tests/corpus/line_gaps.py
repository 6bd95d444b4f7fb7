# Statements far apart (many comment/blank lines) so line-number deltas need long encodings.
import sys
def fail(n):
    raise ValueError(n)
def show(f, *a):
    try:
        f(*a)
    except ValueError as e:
        sys.print_exception(e)

def at_1():
    x = 1

    fail(x)
show(at_1)
# gap
# gap



def at_5():
    x = 5





    fail(x)
show(at_5)
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap








def at_16():
    x = 16
















    fail(x)
show(at_16)
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap




















def at_40():
    x = 40








































    fail(x)
show(at_40)
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap

































































def at_130():
    x = 130


































































































































    fail(x)
show(at_130)
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap






























































































































































































































































































































































def at_700():
    x = 700




























































































































































































































































































































































































































































































































































































































































































































    fail(x)
show(at_700)
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap
# gap




























































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































def at_3000():
    x = 3000
























































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































    fail(x)
show(at_3000)
x = [1,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     2,
     ]; show(fail, len(x))
