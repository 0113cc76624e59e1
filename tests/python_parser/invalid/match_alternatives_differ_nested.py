match x:
    case (a, [b] | b) | c:
        pass
