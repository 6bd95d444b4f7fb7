# A module with __all__, to check what "from helper_all import *" binds.
__all__ = ["exported", "also"]
exported = "exported value"
also = lambda: "also exported"
not_listed = "not in __all__"
