match command.split():
    case []:
        pass
    case [action]:
        pass
    case [action, obj]:
        pass
    case ["go", *rest]:
        pass
    case (a, b, *_):
        pass
    case a, *b:
        pass
    case [[1, 2], (3, [4, *more]),]:
        pass
    case ():
        pass
    case (x,):
        pass
    case [*_]:
        pass
