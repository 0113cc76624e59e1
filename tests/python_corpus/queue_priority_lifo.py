# Checks: PriorityQueue returns the smallest item first (tuples compare by
# first field); LifoQueue returns the newest.
# Modules: asyncio
import asyncio


async def main():
    pq = asyncio.PriorityQueue()
    for item in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
        await pq.put(item)
    while not pq.empty():
        print("priority", await pq.get())
    lq = asyncio.LifoQueue()
    for i in range(3):
        lq.put_nowait(i)
    print("lifo", [lq.get_nowait() for _ in range(3)])


asyncio.run(main())
