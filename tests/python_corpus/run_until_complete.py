import asyncio
async def m():
    await asyncio.sleep(0.1)
    print("m")
loop = asyncio.get_event_loop()
loop.run_until_complete(m())
print(loop.is_closed())
