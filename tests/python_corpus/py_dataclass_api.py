# Checks: dataclasses: field(default_factory, compare=False, repr=False), replace, astuple, asdict, fields, CPython's __init__ argument errors, frozen+order, and the error of a non-frozen dataclass inheriting a frozen one.
# Modules: dataclasses, typing
from dataclasses import dataclass, field, replace, astuple, asdict, fields
from typing import List

@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: List[str] = field(default_factory=list)
    secret: int = field(default=0, compare=False, repr=False)

a = Item('pen', 1.5)
b = Item('pen', 1.5, secret=3)
print(a, a == b)
a.tags.append('x')
print(a.tags, b.tags)
c = replace(a, price=2.0)
print(c)
print(astuple(c))
print(asdict(c))
print([f.name for f in fields(Item)])
try:
    Item()
except TypeError as e:
    print(e)
try:
    Item('a', 1, [], 2, 3)
except TypeError as e:
    print(e)

@dataclass(frozen=True, order=True)
class Point:
    x: int
    y: int = 0

p = Point(1, 2)
print(p, hash(p) == hash(Point(1, 2)), p < Point(2, 0), sorted([Point(3), Point(1, 5), Point(1, 1)]))
try:
    p.x = 5
except Exception as e:
    print(type(e).__name__, e)

@dataclass
class P3(Point):
    z: int = 0
print(P3(1, 2, 3))
