# Checks: a bounded buffer built on one Condition: producers wait while
# full, consumers while empty, each notify_all wakes the waiters in order.
# Modules: asyncio
import asyncio


class Buffer:
    def __init__(self, size):
        self.items = []
        self.size = size
        self.cond = asyncio.Condition()

    async def put(self, x):
        async with self.cond:
            await self.cond.wait_for(lambda: len(self.items) < self.size)
            self.items.append(x)
            self.cond.notify_all()

    async def get(self):
        async with self.cond:
            await self.cond.wait_for(lambda: self.items)
            x = self.items.pop(0)
            self.cond.notify_all()
            return x


async def producer(buf, name, n):
    for i in range(n):
        await buf.put(f"{name}{i}")
        print("put", f"{name}{i}", buf.items)
        await asyncio.sleep(0.05)


async def consumer(buf, n):
    got = []
    for _ in range(n):
        await asyncio.sleep(0.1)
        got.append(await buf.get())
    return got


async def main():
    buf = Buffer(2)
    _, _, got = await asyncio.gather(producer(buf, "p", 3), producer(buf, "q", 3), consumer(buf, 6))
    print("consumed", got)


asyncio.run(main())
