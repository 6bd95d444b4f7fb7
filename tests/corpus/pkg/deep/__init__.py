print("pkg.deep init", __name__)
