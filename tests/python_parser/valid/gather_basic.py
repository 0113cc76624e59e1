import asyncio

async def worker(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} done after {delay}s")
    return name

async def main():
    results = await asyncio.gather(worker("a", 1), worker("b", 0.5), worker("c", 2))
    print(results)

asyncio.run(main())
