def f(key=lambda x: x, *, rev=False):
    return key, rev
