import asyncio

TASKS = 6      # how many downloads to start
LIMIT = 2      # the permits of each (useless) semaphore
DELAY = 0.8    # seconds each download takes

async def download(i):
    sem = asyncio.Semaphore(LIMIT)     # a NEW semaphore on every call...
    async with sem:                    # ...so this never waits
        print(f"download({i}) start")
        await asyncio.sleep(DELAY)
        print(f"download({i}) done")
        return i

async def main():
    results = await asyncio.gather(*(download(i) for i in range(TASKS)))
    print(f"{len(results)} downloads done")

asyncio.run(main())
