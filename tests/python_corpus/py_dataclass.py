# Checks: @dataclass: generated __init__/__repr__/__eq__, defaults,
# field(default_factory=list), order=True comparisons, frozen raising
# FrozenInstanceError.
# Modules: dataclasses
from dataclasses import dataclass, field, FrozenInstanceError


@dataclass
class Job:
    name: str
    priority: int = 0
    tags: list = field(default_factory=list)


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0


@dataclass(frozen=True)
class Point:
    x: float
    y: float


j = Job("build")
j.tags.append("ci")
print(j, Job("build", 0, ["ci"]) == j, Job("x").tags is Job("y").tags)
print(sorted([Version(1, 2), Version(0, 9), Version(1)]), Version(2) > Version(1, 5))
p = Point(1.5, 2)
print(p, hash(p) == hash(Point(1.5, 2)))
try:
    p.x = 3
except FrozenInstanceError as e:
    print(type(e).__name__, e)
print(Job("a", priority=5))
