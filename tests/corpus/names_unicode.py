# Non-ASCII identifiers for variables, functions, classes, attributes and keyword arguments.
café = "coffee"
def größe(länge, breite=2, *, höhe=3):
    return länge * breite * höhe
class Ünïcode:
    attribüt = "wert"
    def méthode(self):
        return self.attribüt + "!"
print(café, größe(1), größe(2, höhe=10), Ünïcode.__name__, Ünïcode().méthode())
données = {"clé": café}
print(données["clé"], [π for π in range(3)])
λ = lambda ξ: ξ * 2
print(λ(21), größe.__name__)
