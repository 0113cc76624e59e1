# Checks: Enum members with __init__ and a property, Flag with | & and in, aliases, @unique, str mixin, IntEnum arithmetic, reassigning a member, ordering TypeError, auto after an explicit value.
# Modules: enum
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
print(Planet.EARTH.value, round(Planet.EARTH.gravity, 2), Planet.EARTH.mass)
class Perm(Flag):
    R = 4
    W = 2
    X = 1
rw = Perm.R | Perm.W
print(rw, Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.X))
class Shape(Enum):
    SQUARE = 2
    ALIAS = 2
    CIRCLE = 3
print(Shape.ALIAS, Shape.ALIAS is Shape.SQUARE, list(Shape), list(Shape.__members__))
try:
    @unique
    class Bad(Enum):
        A = 1
        B = 1
except ValueError as e:
    print(e)
class Color(str, Enum):
    RED = 'red'
    BLUE = 'blue'
print(Color.RED == 'red', Color.RED.value, Color('blue'), Color.RED.upper() if hasattr(Color.RED, 'upper') else '')
class Num(IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE + Num.TWO, Num(2), int(Num.TWO), [n for n in Num], Num.TWO * 3, sorted([Num.TWO, Num.ONE]))
try:
    Planet.EARTH = 5
except AttributeError as e:
    print(e)
print(Planet['EARTH'].name, Planet.MERCURY < Planet.EARTH if False else 'noorder')
try:
    Planet.MERCURY < Planet.EARTH
except TypeError as e:
    print(e)
class Auto(Enum):
    A = auto()
    B = auto()
    C = 10
    D = auto()
print([(m.name, m.value) for m in Auto])
print(hash(Auto.A) == hash(Auto.A), {Auto.A: 1}[Auto.A], Auto.A.__class__.__name__, type(Auto.A))
