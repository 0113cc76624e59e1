def f(x):
    if x:
        for i in range(x):
            while i:
                try:
                    with open('f'):
                        if i:
                            return i
                except OSError:
                    pass
                i -= 1
    return 0
