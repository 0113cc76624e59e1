import asyncio
async def spin(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)
async def main():
    await asyncio.gather(spin('a', 2), spin('b', 2))
asyncio.run(main())
