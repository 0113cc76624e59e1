def f(x):
    match x:
        case 0 | 1 | 2:
            return "small"
        case -1:
            return "minus"
        case 1.5 | -2.5:
            return "float"
        case "a" "b" | b"c":
            return "str"
        case None | True | False:
            return "singleton"
        case _:
            return "other"
