def a():
    x = 1
    def b():
        nonlocal x
        def c():
            nonlocal x
            x = 3
        c()
    b()
    return x
