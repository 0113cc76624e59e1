# Checks: abc.ABC with abstract async and plain methods: instantiating an abstract class raises CPython's TypeError.
# Modules: asyncio, abc
import asyncio
from abc import ABC, abstractmethod
class Notifier(ABC):
    def __init__(self, name):
        self.name = name
    @abstractmethod
    async def send(self, msg): ...
    @abstractmethod
    def kind(self): ...
class Email(Notifier):
    async def send(self, msg):
        await asyncio.sleep(0.2)
        return f'email to {self.name}: {msg}'
    def kind(self):
        return 'email'
class Broken(Notifier):
    def kind(self):
        return 'x'
async def main():
    e = Email('ann')
    print(await e.send('hi'), e.kind(), isinstance(e, Notifier))
    for cls in (Notifier, Broken):
        try:
            cls('bob')
        except TypeError as err:
            print(err)
asyncio.run(main())
