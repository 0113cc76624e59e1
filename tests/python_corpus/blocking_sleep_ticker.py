import asyncio
import time

def blocking():
    time.sleep(0.5)
    return "blocked"

async def ticker():
    for i in range(3):
        print("tick", i, round(time.monotonic(), 1))
        await asyncio.sleep(0.2)

async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    print(blocking())
    await t

asyncio.run(main())
