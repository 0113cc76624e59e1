def f():
    return
def g():
    return 1, 2
def h():
    return *[1], 2
def k(x):
    return x if x else None
