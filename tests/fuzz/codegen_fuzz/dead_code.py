# Code the compiler drops: branches on constant conditions and statements after return, raise,
# break and continue. The names and constants they mention still take table entries in the .mpy.
def after_return():
    return "returned"
    print("dead_after_return", 12345678901234567890, 1.25)
def after_raise():
    raise ValueError("raised")
    unreachable_name_one = "dead string constant here"
def loops():
    out = []
    for i in range(3):
        out.append(i)
        continue
        out.append("dead_after_continue")
    while True:
        out.append("w")
        break
        out.append(dead_name_after_break)
    return out
print(after_return(), loops())
try:
    after_raise()
except ValueError as e:
    print(e)
if 0:
    print("dead_if_zero", 2.5)
if False:
    import dead_module_never_imported
if None:
    dead_call_target()
if "":
    print("empty string is false")
if ():
    print("empty tuple is false")
if "non-empty":
    print("non-empty string is true")
if 0.0:
    print("zero float")
if 1.5:
    print("float true")
if (1, 2):
    print("tuple true")
while 0:
    print("dead_while_body")
while 1:
    print("while 1 body")
    break
while "x":
    print("while string body")
    break
x = 1 if 1 else dead_name_in_ifexp
y = dead_name_two if 0 else 2
print(x, y)
def only_dead_lambda():
    return 0
    lambda: dead_lambda_name
def dead_nested():
    return "outer"
    def inner_dead():
        return "never"
print(only_dead_lambda(), dead_nested())
