import asyncio
class C:
    async def m(self):
        return self
    async def run(self):
        return await (await self.m()).m()
