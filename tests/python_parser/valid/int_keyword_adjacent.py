x = [0x1for x in range(2)]
y = 1if True else 2
print(x, y)
