count = 0
def bump():
    global count
    count += 1
def outer():
    x = 0
    def inner():
        nonlocal x
        x += 1
        return x
    return inner
