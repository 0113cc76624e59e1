match x:
    case Point(x=a, y=a):
        pass
