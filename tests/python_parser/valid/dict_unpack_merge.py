a = {'x': 1}
b = {'y': 2}
c = {**a, **b, 'z': 3}
print(c | a)
