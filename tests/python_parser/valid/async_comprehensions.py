import asyncio
async def agen():
    yield 1
async def main():
    a = [x async for x in agen()]
    b = {x async for x in agen() if x}
    c = {x: x async for x in agen()}
    d = (x async for x in agen())
    e = [y for x in [1] async for y in agen()]
    return a, b, c, d, e
asyncio.run(main())
