x = [1 for y in range(3)]
z = 1 if x else 2
w = 0 or 1
print(x, z, w)
