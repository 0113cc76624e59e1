x = None
y = True
z = False
print(x is None, y is True, z is not True)
