# Checks: a getter waiting on an empty queue and a putter waiting on a full
# one: who wakes first when both happen at one instant, FIFO among getters.
# Modules: asyncio
import asyncio


async def getter(q, name):
    item = await q.get()
    print(f"{name} got {item}")


async def putter(q, item):
    await q.put(item)
    print(f"put {item} done")


async def main():
    q = asyncio.Queue(maxsize=1)
    g1 = asyncio.create_task(getter(q, "g1"))
    g2 = asyncio.create_task(getter(q, "g2"))
    await asyncio.sleep(0)
    p1 = asyncio.create_task(putter(q, "x"))
    p2 = asyncio.create_task(putter(q, "y"))
    p3 = asyncio.create_task(putter(q, "z"))
    await asyncio.gather(g1, g2, p1, p2, p3)
    print("left:", q.get_nowait(), q.qsize())


asyncio.run(main())
