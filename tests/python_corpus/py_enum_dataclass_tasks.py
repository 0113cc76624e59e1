# Checks: a dataclass with field(init=False), __post_init__ and an Enum field, sorted by order=True and run by gather.
# Modules: asyncio, enum, dataclasses
import asyncio
from enum import Enum
from dataclasses import dataclass, field
class Priority(Enum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3
@dataclass(order=True)
class Ticket:
    sort_key: int = field(init=False, repr=False)
    title: str
    priority: Priority = Priority.LOW
    def __post_init__(self):
        self.sort_key = -self.priority.value
async def handle(t):
    await asyncio.sleep(t.priority.value * 0.1)
    print(f'handled {t.title} [{t.priority.name}]')
    return t.priority
async def main():
    tickets = [Ticket('a'), Ticket('b', Priority.HIGH), Ticket('c', Priority.MEDIUM)]
    print(sorted(tickets))
    res = await asyncio.gather(*(handle(t) for t in sorted(tickets)))
    print(res)
    print({p.name: p.value for p in Priority})
    print(Priority(3), Priority['LOW'], Priority.HIGH in Priority)
asyncio.run(main())
