# Checks: tasks sleeping random (seeded) delays finish in the order of their
# delays; random.uniform/random.random driving asyncio timings.
# Modules: asyncio, random
import asyncio
import random


async def job(i):
    delay = round(random.uniform(0.1, 1.0), 3)
    print(f"job {i} sleeps {delay}")
    await asyncio.sleep(delay)
    print(f"job {i} done")
    return delay


async def main():
    random.seed(7)
    delays = await asyncio.gather(*(job(i) for i in range(5)))
    print(sorted(range(5), key=lambda i: delays[i]))
    backoff = [round(0.1 * 2 ** n + random.random() / 10, 3) for n in range(4)]
    print(backoff)


asyncio.run(main())
