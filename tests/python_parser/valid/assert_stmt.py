x = 1
assert x == 1
assert x, 'x must be truthy'
assert isinstance(x, int), f'bad {x!r}'
