l = [1, 2, 3,]
t = (1,)
e = ()
s = {1, 2}
d = {'a': 1, 'b': 2,}
n = {}
nested = [[1, [2]], {'k': (3, {4})}]
print(l, t, e, s, d, n, nested)
