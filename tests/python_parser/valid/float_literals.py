a = 1.5
b = 1e3
c = 2.
d = .5
e = 1.5e-3
f = 1_0.0_1
g = 3E+2
print(a, b, c, d, e, f, g)
