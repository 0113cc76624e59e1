async def agen(src):
    async for x in src:
        yield x * 2
