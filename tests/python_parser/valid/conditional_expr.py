x = 3
y = 'odd' if x % 2 else 'even'
z = 1 if x > 5 else 2 if x > 2 else 3
w = (lambda: 1) if x else None
print(y, z, w)
