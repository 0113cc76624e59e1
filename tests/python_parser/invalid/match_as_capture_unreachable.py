match x:
    case (y as z):
        pass
    case 1:
        pass
