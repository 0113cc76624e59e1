b = b'ab' b'cd'
print(b, b'\x00\xff')
