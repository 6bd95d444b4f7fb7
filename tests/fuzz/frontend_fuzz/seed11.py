if (n := 10) > 5:
    pass
elif x:
    pass
else:
    pass
