x = 0
if x:
    break
