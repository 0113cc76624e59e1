import asyncio

COUNT = 5      # how many values the generator yields
DELAY = 0.3    # seconds it awaits before each value

async def ticker(count, delay):
    for i in range(count):
        await asyncio.sleep(delay)     # runs only when asked for a value
        yield i

async def main():
    async for value in ticker(COUNT, DELAY):
        print(f"got {value}")
    print("done")

asyncio.run(main())
