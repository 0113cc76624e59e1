a = r'\d+'
b = b'bytes'
c = u'unicode'
d = R'raw'
e = Rb'\x00'
f = br'x'
print(a, b, c, d, e, f)
