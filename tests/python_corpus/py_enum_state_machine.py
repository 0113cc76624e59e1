# Checks: an Enum with auto() and __str__ as a task's state, match on a member, iteration of names inside asyncio.run.
# Modules: asyncio, enum
import asyncio
from enum import Enum, auto
class State(Enum):
    IDLE = auto()
    RUNNING = auto()
    STOPPED = auto()
    def __str__(self):
        return self.name.lower()
class Machine:
    def __init__(self):
        self.state = State.IDLE
    async def run(self):
        self.state = State.RUNNING
        print('state', self.state, repr(self.state))
        await asyncio.sleep(0.5)
        self.state = State.STOPPED
        print('state', self.state)
async def main():
    m = Machine()
    await m.run()
    print(m.state is State.STOPPED, State.STOPPED.value, [s.name for s in State])
    match m.state:
        case State.STOPPED:
            print('matched stopped')
        case _:
            print('other')
asyncio.run(main())
