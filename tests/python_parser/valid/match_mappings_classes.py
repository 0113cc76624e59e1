import enum


class Color(enum.Enum):
    RED = 1


match event:
    case {"type": "click", "pos": (x, y), **rest}:
        pass
    case {Color.RED: 1, -1: v, 2.5: w, None: n, True: t, "s" "t": st}:
        pass
    case {}:
        pass
    case {**kw}:
        pass
    case Point(x=0, y=0):
        pass
    case Point(0, y) | Point(y, 0):
        pass
    case a.b.C(1, 2, k=[3, *_], j={"a": _},):
        pass
    case int(n) | float(n) if n > 0:
        pass
    case Color.RED:
        pass
    case str() | bytes():
        pass
