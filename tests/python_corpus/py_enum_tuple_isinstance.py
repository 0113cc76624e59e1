# Checks: an IntEnum member is an int, a StrEnum member a str, a namedtuple
# a tuple (isinstance and issubclass), and a plain Enum member is neither.
# Modules: enum, collections, typing
import enum
from collections import namedtuple
from typing import NamedTuple


class C(enum.IntEnum):
    A = 1
    B = 2


class S(enum.StrEnum):
    X = "x"


class Color(enum.Enum):
    RED = 1


class F(enum.IntFlag):
    R = 1
    W = 2


P = namedtuple("P", "x y")


class Q(NamedTuple):
    a: int
    b: str = "b"


p = P(1, 2)
print(isinstance(C.A, int), C.A + 1, C.A == 1, C.B > C.A, int(C.B))
print(isinstance(S.X, str), isinstance(Color.RED, int), isinstance(F.R, int))
print(issubclass(C, int), issubclass(S, str), issubclass(Color, int), issubclass(P, tuple))
print(isinstance(p, tuple), isinstance(Q(1), tuple), issubclass(Q, tuple), isinstance(p, (list, tuple)))
print(isinstance(C.A, (str, int)), isinstance(C.A, float), isinstance(C.A, enum.Enum), isinstance(1, C))
print(isinstance(p, object), issubclass(P, object), isinstance(C.A, bool))
