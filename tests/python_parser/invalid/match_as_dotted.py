match x:
    case x as y.z:
        pass
