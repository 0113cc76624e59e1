match = 1
case = 2
match, case = case, match
match[0]
match(x)
match.attr = 3
match -x
match * 2
print(match, case)
def match(case):
    return case


match match:
    case case:
        pass
match (x):
    case (y as z) if z:
        pass
    case [1, 2] as whole:
        pass
match x, *y:
    case _:
        pass
match await_ if True else other:
    case 1:
        match nested:
            case 2:
                pass
