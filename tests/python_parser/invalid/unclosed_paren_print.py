import asyncio

async def main():
    print((1, 2)

asyncio.run(main())
