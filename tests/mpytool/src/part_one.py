# First part of a merged program.
GREETING = "hello from part one"
values = [x * x for x in range(5)]
print(GREETING, values)
