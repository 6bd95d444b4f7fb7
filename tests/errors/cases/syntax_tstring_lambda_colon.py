# compat: 1.28 (a colon ends the field expression, even inside a lambda)
f = t"{(lambda v: v)(1)}"
