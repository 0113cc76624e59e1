# Checks: Enum classmethods and methods, lookup by name, type()/repr of an enum class and member, equality with values, members as dict keys.
# Modules: enum
from enum import Enum, auto
class Weekday(Enum):
    MONDAY = 1
    TUESDAY = 2
    @classmethod
    def from_str(cls, s):
        return cls[s.upper()]
    def is_start(self):
        return self is Weekday.MONDAY
print(Weekday.from_str('monday'), Weekday.MONDAY.is_start(), Weekday(2).is_start())
print(Weekday.MONDAY.name.title(), [d.value for d in Weekday], Weekday.__name__)
print(type(Weekday.MONDAY), Weekday, isinstance(Weekday.TUESDAY, Enum))
print(Weekday.MONDAY != Weekday.TUESDAY, Weekday.MONDAY == 1)
x = Weekday.TUESDAY
if x == Weekday.TUESDAY:
    print('tuesday!')
print({Weekday.MONDAY: 'start'}.get(Weekday.MONDAY), str(Weekday.MONDAY), f'{Weekday.MONDAY!r}')
class Color(Enum):
    RED = 'r'
    GREEN = 'g'
print(Color('g'), list(map(lambda c: c.name, Color)), Color.RED.value.upper())
