import asyncio

TASKS = 9      # how many downloads to start
LIMIT = 3      # how many may run at once (the semaphore's permits)
DELAY = 0.8    # seconds each download takes

async def download(i, sem):
    async with sem:              # waits while LIMIT others are inside
        print(f"download({i}) start")
        await asyncio.sleep(DELAY)
        print(f"download({i}) done")
        return i

async def main():
    sem = asyncio.Semaphore(LIMIT)
    downloads = (download(i, sem) for i in range(TASKS))
    results = await asyncio.gather(*downloads)
    print(f"{len(results)} downloads done")

asyncio.run(main())
