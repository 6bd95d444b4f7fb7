# Package initialiser: runs once, before any submodule.
print("pkg init", __name__)
PKG_VALUE = "pkg value"
