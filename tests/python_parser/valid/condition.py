import asyncio

async def consumer(cond, items):
    async with cond:
        await cond.wait_for(lambda: len(items) > 0)
        print("consumed", items.pop())

async def producer(cond, items):
    await asyncio.sleep(0.1)
    async with cond:
        items.append(42)
        cond.notify_all()

async def main():
    cond = asyncio.Condition()
    items = []
    await asyncio.gather(consumer(cond, items), producer(cond, items))

asyncio.run(main())
