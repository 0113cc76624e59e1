def f(a, /):
    return a
g = lambda a, /, *, b: a + b
