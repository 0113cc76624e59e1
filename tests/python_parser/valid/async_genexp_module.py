async def agen():
    yield 1
g = (x async for x in agen())
