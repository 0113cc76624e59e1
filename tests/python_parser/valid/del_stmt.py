a = [1, 2, 3]
d = {'k': 1}
x = 1
del a[0], d['k']
del x
del (a[0])
del [a[0]]
print(a)
