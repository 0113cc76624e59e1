f = lambda: (yield)
g = lambda: (yield from [1])
