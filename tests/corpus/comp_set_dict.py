# Set and dict comprehensions, with conditions and nesting; results printed sorted.
words = ["apple", "bob", "cat", "apple", "dog", "cat"]
print(sorted({w for w in words}))
print(sorted({len(w) for w in words if len(w) > 2}))
lengths = {w: len(w) for w in words}
print(sorted(lengths.items()))
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(sorted(inv.items()))
sq = {i: i * i for i in range(6) if i % 2}
print(sorted(sq.items()))
nested = {i: {j for j in range(i)} for i in range(4)}
print([sorted(nested[k]) for k in sorted(nested)])
pairs = {(a, b) for a in range(3) for b in range(3) if a < b}
print(sorted(pairs))
key = "k"
print({key + str(i): i for i in range(3)}["k2"])
print(sorted({c for c in "mississippi"}))
