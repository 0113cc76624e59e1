s = {(1, 2), (3, 4)}
print(sorted(s))
