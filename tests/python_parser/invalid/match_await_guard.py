match x:
    case 1 if await y:
        pass
