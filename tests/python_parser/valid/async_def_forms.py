import asyncio
async def a():
    pass
async def b(x: int) -> int:
    return await asyncio.sleep(0, x)
class C:
    async def m(self):
        async for x in self.gen():
            print(x)
        else:
            pass
    async def gen(self):
        yield 1
