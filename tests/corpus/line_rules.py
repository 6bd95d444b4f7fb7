# Which line a traceback names inside multi-line expressions: calls, subscripts and attributes
# spread over lines, parenthesised expressions, constants on their own lines, bare generator
# arguments. Every case raises and prints the traceback (the line table is what is tested).
import sys
def show(fn):
    try:
        fn()
    except Exception as e:
        sys.print_exception(e)
data = {"k": [1, 2]}
def trailers():
    return data[
        "k"
    ][
        5
    ]
show(trailers)
def call_chain():
    return len(
        data
    )(
        1
    )
show(call_chain)
class O:
    def m(self, x):
        return x.nope
o = O()
def method_split():
    return o.m(
        o
    )
show(method_split)
def paren_method():
    return (o.m)(
        3
    )
show(paren_method)
def binop_lines():
    a = 1
    return (a +
            2 +
            "three")
show(binop_lines)
def big_const_line():
    x = [1,
         10 ** 30,
         1.5,
         "a much longer string constant",
         None + 1]
    return x
show(big_const_line)
def genexpr_arg():
    return sum(x
               for x in [1, "two"])
show(genexpr_arg)
def genexpr_arg_multiline():
    return sum(
        x
        for x in [1, "two"]
    )
show(genexpr_arg_multiline)
def genexpr_arg_multiline_cond():
    return sum(
        (1 if x else "s")
        for x in [1, 0]
    )
show(genexpr_arg_multiline_cond)
def genexpr_arg_closure(cfg=None):
    if not cfg or any(
        key in cfg for key in ("a", "b")
    ):
        return cfg["a"]
show(genexpr_arg_closure)
def genexpr_paren():
    return sum((x
                for x in [1, "two"]))
show(genexpr_paren)
def lines_do_not_go_back():
    y = (1 +
         2); z = [
        1]; return y + z
show(lines_do_not_go_back)
def cond_expr():
    return (1 if
            data["missing"] else
            2)
show(cond_expr)
def dict_display():
    return {
        "a": 1,
        "b": [][0],
    }
show(dict_display)
def kw_call():
    return dict(
        a=1,
        b=undefined_name,
    )
show(kw_call)
