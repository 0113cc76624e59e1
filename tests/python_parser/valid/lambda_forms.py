f1 = lambda: 0
f2 = lambda x: x
f3 = lambda x, y=2: x + y
f4 = lambda *args: args
f5 = lambda **kw: kw
f6 = lambda x, *, k=1: x + k
f7 = lambda x, /, y: x - y
f8 = lambda *a, b, **c: (a, b, c)
f9 = lambda x: lambda y: x + y
print(f3(1), f9(1)(2))
