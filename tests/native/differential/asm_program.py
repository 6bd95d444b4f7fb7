"""What the inline-assembler generators share: the function around the random instructions."""


def print_function(rng, decorator, params, instruction, labels):
    """Prints `@micropython.<decorator>` and a function of `params` with a random return annotation
    and 1 to 25 `instruction()` lines, each of `labels` placed at a random line."""
    ret = rng.choice(["", "", " -> int", " -> uint", " -> bool", " -> object"])
    print("@micropython." + decorator)
    print("def f(%s)%s:" % (", ".join(params), ret))
    body = [instruction() for _ in range(rng.randint(1, 25))]
    for name in labels:
        body.insert(rng.randint(0, len(body)), "label(%s)" % name)
    for line in body:
        print("    " + line)
