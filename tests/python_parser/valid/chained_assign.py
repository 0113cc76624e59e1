a = b = c = 0
x, y = y2, x2 = 1, 2
print(a, b, c, x, y, x2, y2)
