import asyncio

counter = 0
lock = asyncio.Lock()

async def incr():
    global counter
    async with lock:
        value = counter
        await asyncio.sleep(0)
        counter = value + 1

async def main():
    await asyncio.gather(*(incr() for _ in range(100)))
    print(counter)

asyncio.run(main())
