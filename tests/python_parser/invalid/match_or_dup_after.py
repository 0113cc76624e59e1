match x:
    case [x, ([x] | [x])]:
        pass
