def f():
    match x:
        case [y]:
            global y
