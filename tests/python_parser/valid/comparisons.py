x = 5
print(1 < x < 10, x == 5 != 4, x is not None, x not in [1, 2], x in {5}, x is x, 1 <= x >= 2)
