xs = range(10)
l = [x * 2 for x in xs if x % 2 if x > 2]
s = {x for x in xs}
d = {x: x ** 2 for x in xs}
g = (x for x in xs)
m = [(x, y) for x in range(3) for y in range(x) if y]
n = [[y for y in range(x)] for x in range(3)]
print(l, s, d, list(g), m, n)
