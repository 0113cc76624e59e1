# Checks: dataclass inheritance and __post_init__, asdict/astuple (recursive), is_dataclass, field(init=False), definition errors (non-default after default, mutable default), compare=False, fields(), keyword errors.
# Modules: dataclasses
from dataclasses import dataclass, field
import dataclasses
@dataclass
class Base:
    id: int
    name: str = 'n/a'
@dataclass
class Child(Base):
    extra: list = field(default_factory=list)
    def __post_init__(self):
        self.name = self.name.upper()
c = Child(1, 'bob')
print(c, Child.__match_args__ if hasattr(Child, '__match_args__') else '')
print(dataclasses.asdict(c), dataclasses.astuple(c), dataclasses.is_dataclass(c))
@dataclass
class Inv:
    items: dict = field(default_factory=dict)
    count: int = field(init=False, default=0)
    def add(self, k):
        self.items[k] = self.items.get(k, 0) + 1
        self.count += 1
i = Inv(); i.add('a'); i.add('a')
print(i)
try:
    @dataclass
    class Bad:
        x: int = 0
        y: int
except TypeError as e:
    print(e)
try:
    @dataclass
    class Bad2:
        x: list = []
except ValueError as e:
    print(e)
@dataclass(repr=False, eq=False)
class Plain:
    a: int
print(Plain(1) == Plain(1))
@dataclass
class Nested:
    inner: Base
    many: list
n = Nested(Base(1), [Base(2)])
print(dataclasses.asdict(n))
print(n == Nested(Base(1), [Base(2)]))
@dataclass(order=True)
class Task:
    priority: int
    name: str = field(compare=False)
print(sorted([Task(3, 'c'), Task(1, 'a'), Task(2, 'b')]))
print(Task(1, 'x') == Task(1, 'y'))
fs = dataclasses.fields(Task)
print(fs[0].name, fs[0].type, fs[1].compare)
@dataclass
class KW:
    a: int
    b: int = 2
print(KW(b=5, a=1), KW(1))
try:
    KW(1, c=3)
except TypeError as e:
    print(e)
