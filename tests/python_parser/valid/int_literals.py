a = 10
b = 0x1F
c = 0o17
d = 0b1010
e = 1_000_000
f = 0
g = 00
h = 0xff_ff
print(a, b, c, d, e, f, g, h)
