import asyncio

sem = asyncio.Semaphore(2)

async def fetch(i):
    async with sem:
        print(f"fetching {i}")
        await asyncio.sleep(0.1 * i)
        return i * i

async def main():
    tasks = [asyncio.create_task(fetch(i)) for i in range(5)]
    for coro in asyncio.as_completed(tasks):
        r = await coro
        print("got", r)

asyncio.run(main())
