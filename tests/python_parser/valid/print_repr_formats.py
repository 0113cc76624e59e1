x = 255
print('%d %s %r' % (x, x, x), '{} {:x}'.format(x, x), format(x, 'b'))
