# Checks: the messages of typical mistakes, caught and printed with
# print(type(e).__name__, e).
# Modules: none


class Point:
    def __init__(self):
        self.x = 1


def pair(a, b):
    return a


def one(a):
    return a


def none():
    return 0


def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)


show(lambda: {"a": 1}["b"])
show(lambda: [1, 2, 3][5])
show(lambda: (1, 2)[-3])
show(lambda: 1 / 0)
show(lambda: 1 // 0)
show(lambda: 5 % 0)
show(lambda: 1.0 / 0)
show(lambda: Point().y)
show(lambda: None.append)
show(lambda: undefined_name)
show(lambda: "a" + 1)
show(lambda: 1 + "a")
show(lambda: len(5))
show(lambda: int("12x"))
show(lambda: float("x"))
show(lambda: int("3.5"))
show(lambda: [].pop())
show(lambda: {}.pop("k"))
show(lambda: "abc".index("z"))
show(lambda: [1].index(2))
show(lambda: set().remove(3))
show(lambda: "x" * "y")
show(lambda: Point()())
show(lambda: abs("x"))
show(lambda: int(None))
show(lambda: {[]: 1})
show(lambda: "abc"[10])
show(lambda: pair(1))
show(lambda: one(1, 2))
show(lambda: none(x=1))
show(lambda: next(iter([])))
show(lambda: [1, 2] < ["a"])
show(lambda: sorted([3, "a"]))
show(lambda: max([]))
show(lambda: tuple()[0])
show(lambda: "%d" % "x")
show(lambda: str.upper(5))
