# Checks: limiting to 2 requests in flight with a Semaphore plus a minimum
# spacing of 0.1 s between starts with a Lock; start and end times.
# Modules: asyncio
import asyncio


class Limiter:
    def __init__(self, concurrency, spacing):
        self.sem = asyncio.Semaphore(concurrency)
        self.lock = asyncio.Lock()
        self.spacing = spacing

    async def __aenter__(self):
        await self.sem.acquire()
        async with self.lock:
            await asyncio.sleep(self.spacing)

    async def __aexit__(self, *exc):
        self.sem.release()


async def request(lim, i, loop):
    async with lim:
        print(f"{loop.time():.2f} start {i}")
        await asyncio.sleep(0.25)
        print(f"{loop.time():.2f} end {i}")


async def main():
    loop = asyncio.get_running_loop()
    lim = Limiter(2, 0.1)
    await asyncio.gather(*(request(lim, i, loop) for i in range(5)))


asyncio.run(main())
