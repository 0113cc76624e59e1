import asyncio

DELAY = 1.0   # seconds main() sleeps at its await

async def main():
    print("start")
    await asyncio.sleep(DELAY)   # suspends main(); the loop is free
    print(f"resumed after {DELAY} s")

asyncio.run(main())
