import asyncio
async def f():
    x = await asyncio.sleep(0)
    y = [await asyncio.sleep(0) for _ in range(2)]
    z = (await asyncio.sleep(0, 1)) + 1
    w = await asyncio.gather(*[asyncio.sleep(0)])
    return -await asyncio.sleep(0, 1)
