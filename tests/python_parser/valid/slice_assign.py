a = list(range(5))
a[1:3] = [9, 9]
a[::2] = [0] * 3
del a[:1]
print(a)
