x = 1
y = F"{x}"
