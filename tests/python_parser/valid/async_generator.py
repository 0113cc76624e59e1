import asyncio

async def ticker(delay, to):
    """Yield numbers from 0 to *to* every *delay* seconds."""
    for i in range(to):
        yield i
        await asyncio.sleep(delay)

async def main():
    async for i in ticker(0.1, 5):
        print(i)
    squares = [i * i async for i in ticker(0.1, 3)]
    print(squares)

asyncio.run(main())
