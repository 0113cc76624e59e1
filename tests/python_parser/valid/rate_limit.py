import asyncio
import time

class RateLimiter:
    def __init__(self, rate: float):
        self.interval = 1 / rate
        self.last = 0.0

    async def wait(self):
        now = time.monotonic()
        delay = self.last + self.interval - now
        if delay > 0:
            await asyncio.sleep(delay)
        self.last = max(now, self.last + self.interval)

async def main():
    rl = RateLimiter(rate=5)
    for i in range(3):
        await rl.wait()
        print("request", i)

asyncio.run(main())
