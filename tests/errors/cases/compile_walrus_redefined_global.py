total = 0
print([total := total + x for x in range(5)])
