print("pkg.sub init", __name__)
def hello():
    return "hello from " + __name__
SUB_VALUE = 7
