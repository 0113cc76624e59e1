# Checks: Enum and IntEnum: members' name/value/repr/str, lookup by value and name, iteration, len, in, errors, auto(), sorting IntEnum.
# Modules: enum
from enum import Enum, IntEnum, auto

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

class Status(IntEnum):
    PENDING = auto()
    RUNNING = auto()
    DONE = auto()

print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value)
print(Color(2), Color['BLUE'])
print(list(Color))
print(len(Color), Color.RED in Color)
for c in Color:
    print(c.name, c.value)
print(Status.RUNNING, repr(Status.RUNNING), Status.RUNNING + 1, Status.DONE > Status.PENDING)
print(Color.RED == Color.RED, Color.RED is Color.RED, Color.RED == 1, Status.DONE == 3)
print(isinstance(Color.RED, Color), type(Color.RED).__name__)
d = {Color.RED: 'stop', Color.GREEN: 'go'}
print(d[Color.GREEN])
try:
    Color(7)
except ValueError as e:
    print('ValueError', e)
try:
    Color['PINK']
except KeyError as e:
    print('KeyError', e)
print(f"{Color.RED}", f"{Status.DONE}", str(Status.DONE))
print(Color.__members__.keys())
print(sorted(Status, reverse=True))
