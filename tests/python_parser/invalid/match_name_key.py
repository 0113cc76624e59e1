match x:
    case {k: 1}:
        pass
