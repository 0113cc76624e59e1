import asyncio

async def gen():
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0.1)
    finally:
        print("gen cleanup")

async def main():
    async for x in gen():
        if x == 2:
            break
        print(x)
    await asyncio.sleep(0.05)
    print("after")
    result = await asyncio.gather(*[asyncio.sleep(0.1, result=i) for i in range(3)])
    print(result)
    sem = asyncio.BoundedSemaphore(1)
    await sem.acquire()
    sem.release()
    try:
        sem.release()
    except ValueError as e:
        print("bounded:", e)

asyncio.run(main())
