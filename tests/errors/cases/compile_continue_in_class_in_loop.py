for i in range(2):
    class A:
        continue
