# Checks: a class with __aiter__/__anext__ raising StopAsyncIteration drives
# `async for`; an async comprehension over it.
# Modules: asyncio
import asyncio


class Countdown:
    def __init__(self, start):
        self.n = start

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(0.1)
        self.n -= 1
        return self.n + 1


async def main():
    async for i in Countdown(3):
        print("countdown", i)
    print([i * i async for i in Countdown(4)])
    print([i async for i in Countdown(5) if i % 2])
    it = Countdown(1).__aiter__()
    print(await it.__anext__())
    try:
        await it.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration")


asyncio.run(main())
