match x:
    case 1:
        return 1
