def f():
    nonlocal q
return 5
