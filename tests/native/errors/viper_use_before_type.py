# flags: -march=x64
@micropython.viper
def f():
    for i in range(3):
        print(total)
        total = i
