match *y:
    case _:
        pass
