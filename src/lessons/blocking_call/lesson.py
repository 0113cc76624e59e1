import asyncio, time

TASKS = 3      # well-behaved fetches beside the blocking call
DELAY = 0.3    # seconds each fetch awaits
BLOCK = 1.0    # seconds the blocking call holds the thread

async def fetch(i):
    await asyncio.sleep(DELAY)           # I/O: the loop runs others
    print(f"fetch({i}) done")

async def compute_blocking():
    time.sleep(BLOCK)                    # blocks: the whole loop stops
    print("time.sleep returned")

async def compute_awaiting():
    await asyncio.sleep(BLOCK)           # the same wait, awaited
    print("asyncio.sleep returned")

async def main():
    print("phase 1: time.sleep inside a coroutine")
    await asyncio.gather(*(fetch(i) for i in range(TASKS)),
                         compute_blocking())
    print("phase 2: await asyncio.sleep instead")
    await asyncio.gather(*(fetch(i) for i in range(TASKS)),
                         compute_awaiting())

asyncio.run(main())
