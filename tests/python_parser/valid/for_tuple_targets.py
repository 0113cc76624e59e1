pairs = [(1, 'a'), (2, 'b')]
for n, s in pairs:
    print(n, s)
for (a, b), c in [((1, 2), 3)]:
    print(a, b, c)
for i, in [(1,)]:
    print(i)
for first, *rest in [[1, 2, 3]]:
    print(first, rest)
