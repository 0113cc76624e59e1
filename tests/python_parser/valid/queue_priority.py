import asyncio
async def main():
    q = asyncio.PriorityQueue()
    for p, item in [(2, 'b'), (1, 'a'), (3, 'c')]:
        await q.put((p, item))
    while not q.empty():
        p, item = await q.get()
        print(p, item)
asyncio.run(main())
