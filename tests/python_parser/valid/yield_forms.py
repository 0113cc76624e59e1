def gen():
    x = yield
    y = yield x
    yield x, y
    z = yield from range(3)
    return z
def gen2():
    return (yield)
print(list(gen()))
